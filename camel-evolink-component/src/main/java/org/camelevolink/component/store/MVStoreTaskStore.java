package org.camelevolink.component.store;

import org.camelevolink.component.exceptions.TaskStoreException;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The default {@link TaskStore}: one file of H2's MVStore, an embedded pure-Java key-value store (part of the well
 * kept H2 database; nothing to install or run). Each {@link #save} is committed before it returns; MVStore writes
 * copy-on-write, checksummed chunks, so a process killed at any instant reopens at its last commit. An update
 * writes one small chunk (the touched pages of the record and its callback-token index entry, compressed); freed chunks are
 * reused at once and delivered records are purged, so the file stays bounded.
 * <p>
 * MVStore's background writer is off. With it on, a commit it started wrote asynchronously (on its "H2-serialization"
 * and "H2-save" threads), and an explicit {@code commit()} that found nothing left to commit returned at once: a
 * save could be acknowledged before its bytes reached the file, and a SIGKILL in that window lost it. Without the
 * background writer every commit is written by the thread that asks for it, before {@code commit()} returns.
 * <p>
 * Saves from several threads share commits (group commit): each thread puts its record, then commits; a commit
 * writes every record put so far, and a thread whose record an earlier commit took returns once that commit is
 * written (MVStore serialises commits on its store lock).
 * <p>
 * Records are JSON (Jackson), so a record written by an older version still reads. The file is locked while open:
 * one process at a time. Several nodes would share a database store implementing {@link #claim} instead.
 */
public final class MVStoreTaskStore implements TaskStore {

    private static final Logger LOG = LoggerFactory.getLogger(MVStoreTaskStore.class);

    /** Small pages: a commit rewrites the pages it touched, and a record is about 600 bytes of JSON. */
    private static final int KEYS_PER_PAGE = 8;

    /** More than the 21 versions after which MVStore rewrites its file header at the latest. */
    private static final int VERSIONS_TO_KEEP = 32;

    private final Path file;
    /** Open and close exclusively; saves and reads share, so that concurrent saves share commits. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private MVStore store;
    private MVMap<String, String> records;
    private MVMap<String, String> keyByToken;

    public MVStoreTaskStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public void start() {
        lifecycle.writeLock().lock();
        try {
            open();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void open() {
        if (store != null) {
            return;
        }
        Path marker = file.resolveSibling(file.getFileName() + ".created");
        boolean existed = Files.exists(file);
        boolean created = Files.exists(marker);
        if (!existed && created) {
            throw new TaskStoreException("The EvoLink task store " + file + " is missing, but " + marker + " says it "
                    + "was created before: the records of pending tasks would be lost. Restore the file, or delete "
                    + marker + " to start with an empty store on purpose", null);
        }
        try {
            Files.createDirectories(file.getParent());
            if (existed && !created) {
                // no marker: the first start ended before the store was complete, so it holds no record yet
                openOrMoveAside();
            } else {
                openFile();
            }
            if (!created) {
                store.commit();
                markCreated(marker);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw failedToOpen(e, existed);
        }
        LOG.info("EvoLink task store {} opened with {} records ({} not yet delivered)", file, records.size(),
                readUndelivered().size());
    }

    /** A file left by a first start that was killed: opened if it reads, else moved aside for a new one. */
    private void openOrMoveAside() throws IOException {
        try {
            openFile();
        } catch (RuntimeException e) {
            if (isLocked(e) || !Files.isRegularFile(file)) {
                throw e;
            }
            closeQuietly();
            Path aside = file.resolveSibling(file.getFileName() + ".incomplete-" + System.currentTimeMillis());
            Files.move(file, aside);
            LOG.warn("The EvoLink task store {} was never completely created (its first start was stopped) and does "
                    + "not read: moved aside to {}, a new store is created", file, aside);
            openFile();
        }
    }

    private void openFile() {
        store = new MVStore.Builder().fileName(file.toString()).keysPerPage(KEYS_PER_PAGE).compress()
                .autoCommitDisabled().open();
        // chunks freed by a commit are reused at once: the file stays near the size of the live records (a
        // 45 s default retention made it grow by the size of every commit). A killed process loses nothing by
        // it, as its writes are in the OS's cache; only a power cut within the disk's write-back window could.
        store.setRetentionTime(0);
        // ...but a freed chunk may be the one the file header points to, where recovery after a kill starts
        // its walk to the newest chunk: overwritten before the next header write, the walk could end at an
        // older commit. The header is rewritten at least every 21 versions, so keeping dead chunks for more
        // versions than that means the header never points to a chunk that may be overwritten.
        store.setVersionsToKeep(VERSIONS_TO_KEEP);
        records = store.openMap("records");
        keyByToken = store.openMap("keyByToken");
        records.values().forEach(this::parse); // a record that does not read fails now, not at the first lookup
    }

    /** Written only once the store file is complete, and atomically: a kill leaves either no marker or a whole one. */
    private static void markCreated(Path marker) throws IOException {
        Path written = marker.resolveSibling(marker.getFileName() + ".tmp");
        Files.writeString(written, "created " + java.time.Instant.now() + "\n");
        Files.move(written, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void closeQuietly() {
        if (store != null) {
            store.closeImmediately();
            store = null;
        }
    }

    private static boolean isLocked(Throwable e) {
        return e instanceof MVStoreException m && m.getErrorCode() == DataUtils.ERROR_FILE_LOCKED;
    }

    private TaskStoreException failedToOpen(Exception e, boolean existed) {
        if (isLocked(e)) {
            return new TaskStoreException("The EvoLink task store " + file + " is in use by another process: one "
                    + "application at a time may open it. Stop the other one, or give this one its own "
                    + "taskStoreFile", e);
        }
        return new TaskStoreException("Cannot open the EvoLink task store " + file + ": " + e.getMessage()
                + (existed ? ". The file was left as it is, with any pending tasks in it: if it is damaged, move "
                + "it aside and restart to begin with an empty store, then read its tasks with "
                + "org.h2.mvstore.MVStoreTool" : ""), e);
    }

    @Override
    public void stop() {
        lifecycle.writeLock().lock();
        try {
            if (store != null) {
                store.close();
                store = null;
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public void save(TaskRecord record) {
        whileOpen(() -> put(record));
    }

    private Void put(TaskRecord record) {
        records.put(record.idempotencyKey(), json(record));
        indexAndCommit(record);
        return null;
    }

    @Override
    public Optional<TaskRecord> create(TaskRecord record, String owner, long leaseUntil) {
        return whileOpen(() -> {
            String known = records.putIfAbsent(record.idempotencyKey(), json(record));
            if (known != null) {
                return Optional.of(parse(known));
            }
            indexAndCommit(record);
            return Optional.empty();
        });
    }

    private String json(TaskRecord record) {
        try {
            return RecordJson.write(record);
        } catch (IOException e) {
            throw new TaskStoreException("Cannot write task record " + record.idempotencyKey() + " to " + file, e);
        }
    }

    private void indexAndCommit(TaskRecord record) {
        if (record.callbackToken() != null) {
            keyByToken.put(record.callbackToken(), record.idempotencyKey());
        }
        store.commit();
    }

    @Override
    public Optional<TaskRecord> find(String idempotencyKey) {
        return whileOpen(() -> Optional.ofNullable(records.get(idempotencyKey)).map(this::parse));
    }

    @Override
    public Optional<TaskRecord> findByCallbackToken(String callbackToken) {
        return whileOpen(() -> Optional.ofNullable(keyByToken.get(callbackToken)).flatMap(this::find));
    }

    @Override
    public List<TaskRecord> undelivered() {
        return whileOpen(this::readUndelivered);
    }

    private List<TaskRecord> readUndelivered() {
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
    public int purgeDelivered(long updatedBefore) {
        return whileOpen(() -> purge(updatedBefore));
    }

    private int purge(long updatedBefore) {
        int removed = 0;
        for (Map.Entry<String, String> e : List.copyOf(records.entrySet())) {
            TaskRecord r = parse(e.getValue());
            if (r.state() == TaskState.DELIVERED && r.updatedAt() < updatedBefore) {
                records.remove(e.getKey());
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
    public double creditsReservedSince(long submittedSince) {
        return whileOpen(() -> CreditSum.of(records.values().stream().map(this::parse).toList(), submittedSince));
    }

    /** Parses every record, on the store's executor: the file keeps no index by state. */
    @Override
    public Map<TaskState, Integer> countsByState() {
        return whileOpen(() -> {
            Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
            for (String json : records.values()) {
                counts.merge(parse(json).state(), 1, Integer::sum);
            }
            return counts;
        });
    }

    @Override
    public int size() {
        return whileOpen(() -> records.size());
    }

    /** The file's current size in bytes. */
    public long fileSize() throws IOException {
        return Files.size(file);
    }

    private <T> T whileOpen(Supplier<T> action) {
        lifecycle.readLock().lock();
        try {
            if (store == null) {
                throw new IllegalStateException("The EvoLink task store " + file + " is not open");
            }
            return action.get();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private TaskRecord parse(String json) {
        try {
            return RecordJson.read(json);
        } catch (IOException e) {
            throw new TaskStoreException("Unreadable task record in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        MVMap<String, String> open = store == null ? null : records;
        return "MVStoreTaskStore[" + file + (open == null ? ", closed" : ", " + open.size() + " records") + "]";
    }
}
