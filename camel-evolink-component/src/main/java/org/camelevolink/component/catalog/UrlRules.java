package org.camelevolink.component.catalog;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Checks on URLs: http(s), image formats by extension, and EvoLink's rule against private callback targets. */
final class UrlRules {

    private UrlRules() {
    }

    static URI parse(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() == null ? null : uri;
        } catch (Exception e) {
            return null;
        }
    }

    static boolean isHttp(String url) {
        URI uri = parse(url);
        if (uri == null || uri.getScheme() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** The extension of the URL's path, query ignored, is one of {@code formats}. */
    static boolean hasFormat(String url, List<String> formats) {
        URI uri = parse(url);
        String path = uri == null || uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        return dot >= 0 && formats.contains(path.substring(dot + 1));
    }

    /** Loopback, private, link-local and unspecified IP literals, and localhost; names are not resolved. */
    static boolean isPrivateHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(h);
            byte[] b = a.getAddress();
            boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || uniqueLocal;
        } catch (Exception e) {
            return true;
        }
    }
}
