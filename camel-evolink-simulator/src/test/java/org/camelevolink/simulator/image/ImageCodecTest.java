package org.camelevolink.simulator.image;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camelevolink.simulator.image.Images.argb;

class ImageCodecTest {

    private static final BufferedImage PICTURE = ImageRenderer.generate(11, 120, 80, 3);

    @Test
    void pngRoundTripKeepsEveryPixel() throws IOException {
        BufferedImage back = ImageRenderer.decode(ImageRenderer.toPng(PICTURE));

        assertThat(back.getWidth()).isEqualTo(120);
        assertThat(back.getHeight()).isEqualTo(80);
        assertThat(argb(back)).isEqualTo(argb(PICTURE));
    }

    @Test
    void pngRoundTripKeepsTransparency() throws IOException {
        BufferedImage cutOut = ImageRenderer.removeBackground(PICTURE);

        BufferedImage back = ImageRenderer.decode(ImageRenderer.toPng(cutOut));

        assertThat(back.getColorModel().hasAlpha()).isTrue();
        assertThat(argb(back)).isEqualTo(argb(cutOut));
    }

    @Test
    void mimeTypesAreSniffedFromMagicBytes() throws IOException {
        assertThat(ImageRenderer.sniffMimeType(ImageRenderer.toPng(PICTURE))).isEqualTo("image/png");
        assertThat(ImageRenderer.sniffMimeType(written(PICTURE, "jpeg"))).isEqualTo("image/jpeg");
        assertThat(ImageRenderer.sniffMimeType(written(PICTURE, "gif"))).isEqualTo("image/gif");
        assertThat(ImageRenderer.sniffMimeType(webpHeader())).isEqualTo("image/webp");
    }

    @Test
    void unknownBytesHaveNoMimeType() {
        assertThat(ImageRenderer.sniffMimeType(ascii("hello, world"))).isNull();
        assertThat(ImageRenderer.sniffMimeType(ascii("RIFF....WAVE"))).isNull();
        assertThat(ImageRenderer.sniffMimeType(new byte[] {(byte) 0xff})).isNull();
        assertThat(ImageRenderer.sniffMimeType(new byte[0])).isNull();
        assertThat(ImageRenderer.sniffMimeType(null)).isNull();
    }

    @Test
    void jpegAndGifDecode() throws IOException {
        assertThat(ImageRenderer.decode(written(PICTURE, "jpeg")).getWidth()).isEqualTo(120);
        assertThat(ImageRenderer.decode(written(PICTURE, "gif")).getHeight()).isEqualTo(80);
    }

    @Test
    void garbageIsAnIOException() {
        assertThatThrownBy(() -> ImageRenderer.decode(ascii("definitely not an image")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a readable image");
    }

    @Test
    void aTruncatedPngIsAnIOException() {
        byte[] png = ImageRenderer.toPng(PICTURE);

        assertThatThrownBy(() -> ImageRenderer.decode(Arrays.copyOf(png, png.length / 2)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("image/png");
    }

    @Test
    void webpIsRecognisedButCannotBeDecoded() {
        assertThatThrownBy(() -> ImageRenderer.decode(webpHeader()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("image/webp");
    }

    private static byte[] written(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).as("writer for " + format).isTrue();
        return out.toByteArray();
    }

    private static byte[] webpHeader() {
        byte[] header = ascii("RIFF\0\0\0\0WEBPVP8 \0\0\0\0");
        header[4] = 12;
        return header;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
