package org.camelevolink.component.catalog;

import org.camelevolink.component.client.HttpUrls;
import org.camelevolink.component.exceptions.EvolinkValidationException;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EvoLink's documented limits on {@code callback_url}: HTTPS only, no private addresses, at most 2048 characters.
 * Host names are not resolved (validation does no network I/O): only IP literals and localhost are judged.
 */
final class CallbackUrlRule {

    static final int MAX_LENGTH = 2048;
    static final String FIELD = "callback_url";
    private static final Pattern AUTHORITY_HOST = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?"
            + "([^/:?#]+)");

    /** Hosts that resolvers may read as an IPv4 address: dot-separated decimal, octal or hexadecimal parts. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?:0x[0-9a-f]*|[0-9]*)(?:\\.(?:0x[0-9a-f]*|[0-9]*))*");

    private final boolean allowInsecure;

    /** {@code allowInsecure}: http:// and private or loopback hosts pass, for tests against a local simulator. */
    CallbackUrlRule(boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    void check(String model, String url) {
        if (url == null || url.isEmpty()) {
            return;
        }
        if (url.length() > MAX_LENGTH) {
            throw new EvolinkValidationException(model, FIELD, "must not exceed " + MAX_LENGTH + " characters, has "
                    + url.length());
        }
        URI uri = HttpUrls.parse(url).orElse(null);
        if (uri == null) {
            // java.net.URI gives no host for names like 127.1 that a client would still reach
            String authority = authority(url);
            throw new EvolinkValidationException(model, FIELD, authority != null && isPrivate(authority)
                    ? "must not point at a private or loopback address: " + authority
                    : "must be an absolute HTTPS URL with a host");
        }
        String scheme = HttpUrls.scheme(uri);
        if (allowInsecure && (scheme.equals("http") || scheme.equals("https"))) {
            return;
        }
        if (!scheme.equals("https")) {
            throw new EvolinkValidationException(model, FIELD, "must use HTTPS (EvoLink calls back over HTTPS only), "
                    + "not " + scheme);
        }
        if (isPrivate(uri.getHost())) {
            throw new EvolinkValidationException(model, FIELD, "must not point at a private, loopback or "
                    + "link-local address or localhost (EvoLink refuses callbacks to those): " + uri.getHost());
        }
    }

    private static String authority(String url) {
        Matcher m = AUTHORITY_HOST.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    /** localhost and IP literals in loopback, private, link-local, unique-local, CGNAT or unspecified ranges. */
    static boolean isPrivate(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        try {
            InetAddress a;
            if (h.startsWith("[")) {
                a = InetAddress.getByName(h); // a bracketed IPv6 literal is parsed, never looked up
            } else if (NUMERIC_HOST.matcher(h).matches()) {
                byte[] quad = dottedQuad(h);
                if (quad == null) {
                    // 127.1, 2130706433, 0177.0.0.1, 0x7f000001...: no public host is written like that
                    return true;
                }
                a = InetAddress.getByAddress(quad);
            } else {
                return false; // a name: not resolved here
            }
            byte[] b = a.getAddress();
            boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            boolean sharedCgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
            boolean thisNetwork = b.length == 4 && b[0] == 0;
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                    || a.isAnyLocalAddress() || uniqueLocal || sharedCgnat || thisNetwork;
        } catch (Exception e) {
            return true; // an IP literal that does not parse is no public host either
        }
    }

    /** Four decimal parts 0-255 without leading zeros, or null. */
    private static byte[] dottedQuad(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            b[i] = (byte) v;
        }
        return b;
    }
}
