package org.camelevolink.component.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The one reading of a URL the component trusts: absolute, with a scheme and a host. */
public final class HttpUrls {

    private HttpUrls() {
    }

    /** {@code url} as an absolute URI with a scheme and a host, or empty (never an exception). */
    public static Optional<URI> parse(String url) {
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

    /** {@code url} when it is an http or https URL with a host, else empty. */
    public static Optional<URI> http(String url) {
        return parse(url).filter(HttpUrls::isHttp);
    }

    /** The lower-case scheme, or "" when there is none. */
    public static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    public static boolean isHttp(URI uri) {
        String scheme = scheme(uri);
        return scheme.equals("http") || scheme.equals("https");
    }
}
