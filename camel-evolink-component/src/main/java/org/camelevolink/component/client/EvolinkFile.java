package org.camelevolink.component.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file uploaded through EvoLink's files API; {@code fileUrl} is what models take in {@code image_urls}. The
 * fields are those of the documented answer (evolink-api.md 7.1); {@code otherFields} keeps any other member of
 * its {@code data}, by its EvoLink name.
 *
 * @param originalName the name the file was uploaded with ({@code original_name})
 * @param uploadPath the folder it was stored in ({@code upload_path}), EvoLink's choice when none was given
 * @param uploadTime when it was stored ({@code upload_time}), as EvoLink writes it (ISO 8601 with an offset)
 */
public record EvolinkFile(String fileId, String fileName, String fileUrl, String downloadUrl, String mimeType,
        long size, String expiresAt, String originalName, String uploadPath, String uploadTime,
        Map<String, Object> otherFields) {

    public EvolinkFile {
        otherFields = otherFields == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(otherFields));
    }

    public EvolinkFile(String fileId, String fileName, String fileUrl, String downloadUrl, String mimeType, long size,
            String expiresAt) {
        this(fileId, fileName, fileUrl, downloadUrl, mimeType, size, expiresAt, null, null, null, Map.of());
    }

    /** The documented fields; of the others only how many there are. */
    @Override
    public String toString() {
        return "EvolinkFile[fileId=" + fileId + ", fileName=" + fileName + ", fileUrl=" + fileUrl + ", downloadUrl="
                + downloadUrl + ", mimeType=" + mimeType + ", size=" + size + ", expiresAt=" + expiresAt
                + ", originalName=" + originalName + ", uploadPath=" + uploadPath + ", uploadTime=" + uploadTime
                + (otherFields.isEmpty() ? "" : ", otherFields=" + otherFields.size()) + "]";
    }
}
