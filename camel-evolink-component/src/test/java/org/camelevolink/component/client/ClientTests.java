package org.camelevolink.component.client;

import org.camelevolink.component.exceptions.EvolinkApiException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the client tests share besides their fixture (clients come from SimulatorExtension): waiting for futures,
 * a request, a small PNG.
 */
final class ClientTests {

    /** Long enough for any call of these tests, short enough that a hang fails the test instead of the build. */
    static final long WAIT_SECONDS = 30;

    private ClientTests() {
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The exception a future failed with; an assertion error if it succeeded. */
    static Throwable failure(CompletableFuture<?> f) {
        try {
            Object value = f.get(WAIT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("the future did not end in time", e);
        }
    }

    static EvolinkApiException apiFailure(CompletableFuture<?> f) {
        Throwable t = failure(f);
        assertThat(t).isInstanceOf(EvolinkApiException.class);
        return (EvolinkApiException) t;
    }

    static CreateTaskRequest generation() {
        return CreateTaskRequest.builder("mj-v7").prompt("a red kite over the dunes").build();
    }

    static byte[] png() {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
