package org.camelevolink.component.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the catalog's rules ask of a URL: absolute http(s) with a host, and the extension of its path. */
final class UrlRules {

    private UrlRules() {
    }

    /** An absolute URL with a host, or empty. */
    static Optional<URI> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            return uri.getScheme() == null || uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static boolean isHttp(String url) {
        return parse(url).map(u -> scheme(u).equals("http") || scheme(u).equals("https")).orElse(false);
    }

    static String scheme(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /** The lower-case extension of the URL's path (the query and fragment are ignored), or "". */
    static String extension(String url) {
        String path = parse(url).map(URI::getPath).orElse("");
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
