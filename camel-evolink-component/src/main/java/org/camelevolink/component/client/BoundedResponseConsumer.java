package org.camelevolink.component.client;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads an answer body into memory up to a limit; past it the exchange is aborted, so a hostile or broken server
 * cannot make the client buffer more than {@code maxBytes}.
 */
final class BoundedResponseConsumer extends AbstractBinResponseConsumer<HttpResult> {

    /** Thrown (inside the I/O reactor) when the body passes the limit. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("answer body larger than " + limit + " bytes");
        }
    }

    private final long maxBytes;
    private HttpResponse head;
    private String contentType;
    private ByteArrayOutputStream buffer;

    BoundedResponseConsumer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void start(HttpResponse response, ContentType type) throws IOException {
        if (declaredLength(response) > maxBytes) {
            // refuse before the first byte of the body is read
            throw new TooLargeException(maxBytes);
        }
        this.head = response;
        this.contentType = type == null ? null : type.toString();
        this.buffer = new ByteArrayOutputStream(1024);
    }

    private static long declaredLength(HttpResponse response) {
        Header length = response.getFirstHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.getValue().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        if (buffer.size() + (long) src.remaining() > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        byte[] chunk = new byte[src.remaining()];
        src.get(chunk);
        buffer.write(chunk);
    }

    @Override
    protected HttpResult buildResult() {
        return new HttpResult(head.getCode(), contentType, buffer == null ? new byte[0] : buffer.toByteArray(), head);
    }

    @Override
    public void releaseResources() {
        buffer = null;
    }
}
