package org.camelevolink.simulator.model;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Checks on image URLs: http(s), and a file extension from the model's format list. */
public final class ImageUrlRules {

    private ImageUrlRules() {
    }

    public static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The format is the extension of the URL's path, query ignored. */
    public static boolean hasFormat(String url, List<String> formats) {
        if (!isHttpUrl(url)) {
            return false;
        }
        String path = URI.create(url).getPath().toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        return dot >= 0 && formats.contains(path.substring(dot + 1));
    }
}
