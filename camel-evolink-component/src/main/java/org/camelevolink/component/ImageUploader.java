package org.camelevolink.component;

import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.camelevolink.component.client.EvolinkClient;
import org.camelevolink.component.client.EvolinkFile;
import org.camelevolink.component.client.ImageTypes;
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
    /** The endpoint's model, which a rejected body is reported against. */
    private final String model;

    ImageUploader(EvolinkClient client, String model) {
        this.client = client;
        this.model = model;
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
        String mime = ImageTypes.sniff(bytes); // the files API checks content, so do we
        if (mime == null) {
            throw new EvolinkValidationException(model, "body",
                    "is not a PNG, JPEG, GIF or WebP image (EvoLink's files API takes images only)");
        }
        return new Pending(bytes, mime, name);
    }

    CompletableFuture<String> upload(Pending image) {
        return client.uploadMultipart(image.bytes(), image.mimeType(), image.fileName(), null)
                .thenApply(EvolinkFile::fileUrl);
    }

    private byte[] read(File f) {
        try {
            if (f.length() > MAX_BYTES) {
                throw new EvolinkValidationException(model, "body", "is larger than " + MAX_BYTES + " bytes");
            }
            return Files.readAllBytes(f.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private byte[] read(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new EvolinkValidationException(model, "body", "is larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the body", e);
        }
    }

}
