package org.camelevolink.component.client;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.message.BasicNameValuePair;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body (RFC 7578) built in memory: the upload is one image, already in memory. */
final class MultipartBody {

    private final String boundary = "evolink-" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void field(String name, String value) {
        part("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n", value.getBytes(StandardCharsets.UTF_8));
    }

    void file(String name, String fileName, String mimeType, byte[] content) {
        part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + headerSafe(fileName)
                + "\"\r\nContent-Type: " + headerSafe(mimeType) + "\r\n\r\n", content);
    }

    /** A file name or type from a message must not end the part header and add lines of its own. */
    private static String headerSafe(String value) {
        return value.replaceAll("[\"\\r\\n]", "_");
    }

    byte[] bytes() {
        write("--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    ContentType contentType() {
        return ContentType.create("multipart/form-data").withParameters(new BasicNameValuePair("boundary", boundary));
    }

    private void part(String headers, byte[] content) {
        write("--" + boundary + "\r\n" + headers);
        out.writeBytes(content);
        write("\r\n");
    }

    private void write(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
