package org.camelevolink.simulator.image;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Bytes to images and back. Streams are memory-cached explicitly: ImageIO's default for plain streams is a temp file
 * per image, which is slow and needs a writable temp directory.
 */
final class ImageCodec {

    private ImageCodec() {
    }

    static byte[] toPng(BufferedImage img) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(img.getWidth() * img.getHeight());
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG in memory", e);
        }
        return bytes.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
        BufferedImage img;
        try {
            // ImageIO.read closes the stream itself unless no reader accepts it
            img = ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            // readers throw anything from IIOException to ArrayIndexOutOfBounds on corrupt data
            throw new IOException("cannot decode " + describe(bytes) + ": " + e.getMessage(), e);
        }
        if (img == null) {
            in.close();
            throw new IOException("not a readable image: " + describe(bytes));
        }
        return img;
    }

    private static String describe(byte[] bytes) {
        String type = sniffMimeType(bytes);
        if (type == null) {
            return bytes.length + " bytes of unknown type";
        }
        return bytes.length + " bytes of " + type + (type.equals("image/webp") ? " (the JDK has no WebP decoder)" : "");
    }

    static String sniffMimeType(byte[] b) {
        if (b == null) {
            return null;
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n')) {
            return "image/png";
        }
        if (startsWith(b, 0, 0xff, 0xd8, 0xff)) {
            return "image/jpeg";
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return "image/gif";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[offset + i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
