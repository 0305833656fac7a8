package org.camelevolink.simulator.files;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Uploaded files by id and by path; expired files are gone. A name reused under one path overwrites. */
public final class FileStore {

    private final Map<String, StoredFile> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByPath = new ConcurrentHashMap<>();

    /** Stores the file, replacing one at the same path; returns the replaced file or null. */
    public synchronized StoredFile put(StoredFile file) {
        String previous = idByPath.put(file.path(), file.fileId());
        StoredFile replaced = previous == null ? null : byId.remove(previous);
        byId.put(file.fileId(), file);
        return replaced;
    }

    public StoredFile byId(String id, long now) {
        return live(byId.get(id), now);
    }

    public StoredFile byPath(String path, long now) {
        String id = idByPath.get(path);
        return id == null ? null : live(byId.get(id), now);
    }

    /** Whether a file with this path exists for this key (an upload there would overwrite, not add). */
    public boolean wouldOverwrite(String apiKey, String path, long now) {
        StoredFile f = byPath(path, now);
        return f != null && f.apiKey().equals(apiKey);
    }

    /** Whether a live file of another key holds this path (an upload there must not replace it). */
    public boolean heldByAnother(String apiKey, String path, long now) {
        StoredFile f = byPath(path, now);
        return f != null && !f.apiKey().equals(apiKey);
    }

    public synchronized boolean delete(String id, String apiKey) {
        StoredFile f = byId.get(id);
        if (f == null || !f.apiKey().equals(apiKey)) {
            return false;
        }
        byId.remove(id);
        idByPath.remove(f.path(), id);
        return true;
    }

    /** The key's live files, newest first. */
    public List<StoredFile> ofKey(String apiKey, long now) {
        List<StoredFile> out = new ArrayList<>();
        for (StoredFile f : byId.values()) {
            if (f.apiKey().equals(apiKey) && live(f, now) != null) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparingLong(StoredFile::uploadedMillis).reversed());
        return out;
    }

    public void clear() {
        byId.clear();
        idByPath.clear();
    }

    private static StoredFile live(StoredFile f, long now) {
        return f == null || now > f.expiresMillis() ? null : f;
    }
}
