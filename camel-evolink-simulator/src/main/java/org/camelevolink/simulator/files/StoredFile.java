package org.camelevolink.simulator.files;

/** An uploaded file: metadata and bytes. */
public record StoredFile(String fileId, String apiKey, String fileName, String originalName, String uploadPath,
        String mimeType, byte[] bytes, long uploadedMillis, long expiresMillis) {

    public String path() {
        return uploadPath + "/" + fileName;
    }

    @Override
    public String toString() {
        return "StoredFile[" + fileId + ", " + path() + ", " + bytes.length + " bytes]";
    }
}
