package org.camelevolink.component.store;

import java.nio.file.Path;

class MVStoreTaskStoreContractTest extends TaskStoreContractTest {

    @Override
    TaskStore create(Path dir) {
        return new MVStoreTaskStore(dir.resolve("tasks.mv"));
    }
}
