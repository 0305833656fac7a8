package org.camelevolink.simulator.model;

import org.camelevolink.simulator.ApiError;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** EvoLink's documented callback_url rules: HTTPS only, no private or loopback address, at most 2048 chars. */
public final class CallbackUrlRules {

    public static final int MAX_LENGTH = 2048;
    private static final String PARAM = "callback_url";
    private static final String NUMERIC_HOST = "(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+)){0,3}";
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final String DOTTED_QUAD = OCTET + "(\\." + OCTET + "){3}";

    private CallbackUrlRules() {
    }

    /** {@code insecureAllowed} is the simulator's test mode: http:// and loopback or private targets pass. */
    public static void check(String url, boolean insecureAllowed) {
        if (url.length() > MAX_LENGTH) {
            throw ApiError.invalid(PARAM, "callback_url must not exceed " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw ApiError.invalid(PARAM, "callback_url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw ApiError.invalid(PARAM, "callback_url must be an absolute HTTPS URL");
        }
        if (insecureAllowed) {
            return;
        }
        if (!scheme.equals("https")) {
            throw ApiError.invalid(PARAM, "callback_url must use HTTPS");
        }
        if (isPrivate(uri.getHost())) {
            throw ApiError.invalid(PARAM, "Callbacks to private IP addresses are prohibited");
        }
    }

    /** Loopback, private, link-local, unspecified and unique-local addresses; host names only for localhost. */
    public static boolean isPrivate(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1); // "localhost." and "127.0.0.1." are the same hosts
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.matches(NUMERIC_HOST) && !h.matches(DOTTED_QUAD)) {
            return true; // 0x7f000001, 0177.0.0.1, 127.1, 2130706433: resolvers read these as IPv4 addresses
        }
        if (!isIpLiteral(h)) {
            return false; // no DNS here: a name is judged by what it is, not what it resolves to
        }
        try {
            InetAddress a = InetAddress.getByName(h);
            byte[] b = a.getAddress();
            boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            boolean sharedV4 = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                    || a.isAnyLocalAddress() || uniqueLocalV6 || sharedV4;
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static boolean isIpLiteral(String h) {
        return h.matches("[0-9.]+") || h.contains(":");
    }
}
