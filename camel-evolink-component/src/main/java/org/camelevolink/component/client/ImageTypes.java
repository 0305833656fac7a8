package org.camelevolink.component.client;

import java.util.Locale;
import java.util.Optional;

/** The image types EvoLink takes and gives (PNG, JPEG, GIF, WebP): told from their bytes, named by extension. */
public final class ImageTypes {

    private ImageTypes() {
    }

    /** The MIME type the magic bytes say, or null when they are none of the four: content is checked, not names. */
    public static String sniff(byte[] b) {
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

    /** The file extension of one of the four types ({@code jpg} for {@code image/jpeg}), or empty. */
    public static Optional<String> extension(String mimeType) {
        return Optional.ofNullable(mimeType == null ? null : switch (mimeType.toLowerCase(Locale.ROOT)) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            default -> null;
        });
    }
}
