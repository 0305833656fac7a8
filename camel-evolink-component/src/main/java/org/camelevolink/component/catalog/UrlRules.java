package org.camelevolink.component.catalog;

import org.camelevolink.component.client.HttpUrls;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** What the catalog's rules ask of a URL: absolute http(s) with a host, and the extension of its path. */
final class UrlRules {

    private UrlRules() {
    }

    /** The lower-case extension of the URL's path (the query and fragment are ignored), or "". */
    static String extension(String url) {
        String path = HttpUrls.parse(url).map(URI::getPath).orElse("");
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    static boolean hasFormat(String url, List<String> formats) {
        return formats.contains(extension(url));
    }

    static String dotted(List<String> formats) {
        return formats.stream().map(f -> "." + f).reduce((a, b) -> a + " " + b).orElse("");
    }
}
