package org.camelevolink.component.store;

import java.nio.file.Path;

/**
 * Saves records as fast as it can and prints each key once its save has returned: the process
 * {@code StoreKillStressTest} kills. Arguments: store file, first record number.
 */
public final class StoreWriterMain {

    private StoreWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        MVStoreTaskStore store = new MVStoreTaskStore(Path.of(args[0]));
        System.out.println("STARTING");
        store.start();
        System.out.println("OPEN " + store.size());
        for (int i = Integer.parseInt(args[1]); ; i++) {
            String key = "k" + i;
            TaskRecord r = TaskStoreContractTest.submitting(key, "tok-" + key);
            store.save(r);
            store.save(r.accepted("task-" + key, 0, 1));
            System.out.println("SAVED " + key);
        }
    }
}
