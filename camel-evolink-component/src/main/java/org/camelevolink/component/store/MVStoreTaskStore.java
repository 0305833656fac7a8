package org.camelevolink.component.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default {@link TaskStore}: one file of H2's MVStore, an embedded pure-Java key-value store (part of the well
 * kept H2 database; nothing to install or run). Each {@link #save} is committed before it returns; MVStore writes
 * copy-on-write, checksummed chunks, so a process killed at any instant reopens at its last commit. An update
 * writes one small chunk (the touched pages of the record and its two index entries, compressed); freed chunks are
 * reused at once and delivered records are purged, so the file stays bounded.
 * <p>
 * Records are JSON (Jackson), so a record written by an older version still reads. The file is locked while open:
 * one process at a time. Several nodes would share a database store implementing {@link #claim} instead.
 */
public final class MVStoreTaskStore implements TaskStore {

    private static final Logger LOG = LoggerFactory.getLogger(MVStoreTaskStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Small pages: a commit rewrites the pages it touched, and a record is about 600 bytes of JSON. */
    private static final int KEYS_PER_PAGE = 8;

    private final Path file;
    private MVStore store;
    private MVMap<String, String> records;
    private MVMap<String, String> keyByTaskId;
    private MVMap<String, String> keyByToken;

    public MVStoreTaskStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public synchronized void start() {
        if (store != null) {
            return;
        }
        boolean existed = Files.exists(file);
        Path marker = file.resolveSibling(file.getFileName() + ".created");
        if (!existed && Files.exists(marker)) {
            throw new TaskStoreException("The EvoLink task store " + file + " is missing, but " + marker + " says it "
                    + "was created before: the records of pending tasks would be lost. Restore the file, or delete "
                    + marker + " to start with an empty store on purpose", null);
        }
        try {
            Files.createDirectories(file.getParent());
            if (!existed) {
                Files.writeString(marker, "created " + java.time.Instant.now() + "\n");
            }
            store = new MVStore.Builder().fileName(file.toString()).keysPerPage(KEYS_PER_PAGE).compress().open();
            // chunks freed by a commit are reused at once: the file stays near the size of the live records (a
            // 45 s default retention made it grow by the size of every commit). A killed process loses nothing by
            // it, as its writes are in the OS's cache; only a power cut within the disk's write-back window could.
            store.setRetentionTime(0);
            records = store.openMap("records");
            keyByTaskId = store.openMap("keyByTaskId");
            keyByToken = store.openMap("keyByToken");
            records.values().forEach(this::parse); // a record that does not read fails now, not at the first lookup
        } catch (IOException | RuntimeException e) {
            if (store != null) {
                store.closeImmediately();
                store = null;
            }
            throw new TaskStoreException("Cannot open the EvoLink task store " + file + ": " + e.getMessage()
                    + (existed ? ". The file was left as it is, with any pending tasks in it: if it is damaged, move "
                    + "it aside and restart to begin with an empty store, then read its tasks with "
                    + "org.h2.mvstore.MVStoreTool" : ""), e);
        }
        LOG.info("EvoLink task store {} opened with {} records ({} not yet delivered)", file, records.size(),
                undelivered().size());
    }

    @Override
    public synchronized void stop() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Override
    public synchronized void save(TaskRecord record) {
        open();
        String key = record.idempotencyKey();
        try {
            records.put(key, JSON.writeValueAsString(record));
        } catch (IOException e) {
            throw new TaskStoreException("Cannot write task record " + key + " to " + file, e);
        }
        if (record.taskId() != null) {
            keyByTaskId.put(record.taskId(), key);
        }
        if (record.callbackToken() != null) {
            keyByToken.put(record.callbackToken(), key);
        }
        store.commit();
    }

    @Override
    public synchronized Optional<TaskRecord> find(String idempotencyKey) {
        open();
        return Optional.ofNullable(records.get(idempotencyKey)).map(this::parse);
    }

    @Override
    public synchronized Optional<TaskRecord> findByTaskId(String taskId) {
        open();
        return Optional.ofNullable(keyByTaskId.get(taskId)).flatMap(this::find);
    }

    @Override
    public synchronized Optional<TaskRecord> findByCallbackToken(String callbackToken) {
        open();
        return Optional.ofNullable(keyByToken.get(callbackToken)).flatMap(this::find);
    }

    @Override
    public synchronized List<TaskRecord> undelivered() {
        open();
        List<TaskRecord> out = new ArrayList<>();
        for (String json : records.values()) {
            TaskRecord r = parse(json);
            if (r.state() != TaskState.DELIVERED) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public synchronized int purgeDelivered(long updatedBefore) {
        open();
        int removed = 0;
        for (Map.Entry<String, String> e : List.copyOf(records.entrySet())) {
            TaskRecord r = parse(e.getValue());
            if (r.state() == TaskState.DELIVERED && r.updatedAt() < updatedBefore) {
                records.remove(e.getKey());
                if (r.taskId() != null) {
                    keyByTaskId.remove(r.taskId(), e.getKey());
                }
                if (r.callbackToken() != null) {
                    keyByToken.remove(r.callbackToken(), e.getKey());
                }
                removed++;
            }
        }
        if (removed > 0) {
            store.commit();
        }
        return removed;
    }

    @Override
    public synchronized int size() {
        open();
        return records.size();
    }

    /** The file's current size in bytes. */
    public long fileSize() throws IOException {
        return Files.size(file);
    }

    private void open() {
        if (store == null) {
            throw new IllegalStateException("The EvoLink task store " + file + " is not open");
        }
    }

    private TaskRecord parse(String json) {
        try {
            return JSON.readValue(json, TaskRecord.class);
        } catch (IOException e) {
            throw new TaskStoreException("Unreadable task record in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized String toString() {
        return "MVStoreTaskStore[" + file + (store == null ? ", closed" : ", " + records.size() + " records") + "]";
    }
}
