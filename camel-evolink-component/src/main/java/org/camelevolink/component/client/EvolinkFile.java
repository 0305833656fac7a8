package org.camelevolink.component.client;

/** A file uploaded through EvoLink's files API; {@code fileUrl} is what models take in {@code image_urls}. */
public record EvolinkFile(String fileId, String fileName, String fileUrl, String downloadUrl, String mimeType,
        long size, String expiresAt) {
}
