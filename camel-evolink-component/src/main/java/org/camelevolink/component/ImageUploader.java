package org.camelevolink.component;

import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.camelevolink.component.client.EvolinkClient;
import org.camelevolink.component.client.EvolinkFile;
import org.camelevolink.component.exceptions.EvolinkValidationException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;

/**
 * Image content in the body ({@code byte[]}, {@code InputStream}, {@code File}, Camel's {@code GenericFile}) is
 * uploaded through EvoLink's files API, which answers the URL a model needs.
 */
final class ImageUploader {

    /** Stands in for the upload's URL while the request is validated, before anything is sent. */
    static final String PLACEHOLDER_URL = "https://files.evolink.ai/pending/upload.png";

    /** 100 MB: the files API's documented limit. */
    private static final int MAX_BYTES = 100 * 1024 * 1024;

    /** Image content read from the body, with the name to upload it under. */
    record Pending(byte[] bytes, String mimeType, String fileName) {
    }

    private final EvolinkClient client;

    ImageUploader(EvolinkClient client) {
        this.client = client;
    }

    /** The body's image content, or null when the body is not image content. */
    Pending pendingImage(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (body instanceof WrappedFile<?> wrapped) {
            body = wrapped.getFile();
        }
        byte[] bytes;
        if (body instanceof byte[] b) {
            bytes = b;
        } else if (body instanceof File f) {
            bytes = read(f);
            name = name == null ? f.getName() : name;
        } else if (body instanceof InputStream in) {
            bytes = read(in);
        } else {
            return null;
        }
        String mime = mimeType(bytes);
        if (mime == null) {
            throw new EvolinkValidationException("upload", "body",
                    "is not a PNG, JPEG, GIF or WebP image (EvoLink's files API takes images only)");
        }
        return new Pending(bytes, mime, name);
    }

    CompletableFuture<String> upload(Pending image) {
        return client.uploadMultipart(image.bytes(), image.mimeType(), image.fileName(), null)
                .thenApply(EvolinkFile::fileUrl);
    }

    private static byte[] read(File f) {
        try {
            if (f.length() > MAX_BYTES) {
                throw new EvolinkValidationException("upload", "body", "is larger than " + MAX_BYTES + " bytes");
            }
            return Files.readAllBytes(f.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static byte[] read(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new EvolinkValidationException("upload", "body", "is larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the body", e);
        }
    }

    /** From the magic bytes: the files API checks content, so do we. */
    static String mimeType(byte[] b) {
        if (b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }
}
