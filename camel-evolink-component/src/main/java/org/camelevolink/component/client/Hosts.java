package org.camelevolink.component.client;

import java.net.URI;
import java.util.Locale;

/** Which URLs may see the API key, and how a URL is shown without what it may carry in secret. */
final class Hosts {

    private Hosts() {
    }

    /**
     * Same scheme, host and port as {@code base}: only there does the key go. The scheme counts too, so a plain
     * {@code http} link to EvoLink's host never carries the key in clear.
     */
    static boolean sameOrigin(URI uri, String base) {
        URI b = URI.create(base);
        return lower(uri.getScheme()).equals(lower(b.getScheme())) && lower(uri.getHost()).equals(lower(b.getHost()))
                && port(uri) == port(b);
    }

    /** For messages and logs: signed links keep their signature in the query, and user info is a credential. */
    static String withoutQuery(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url);
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (Exception e) {
            int cut = url.indexOf('?');
            return cut < 0 ? url : url.substring(0, cut);
        }
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equals(lower(u.getScheme())) ? 443 : 80;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
