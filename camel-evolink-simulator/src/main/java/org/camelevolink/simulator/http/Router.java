package org.camelevolink.simulator.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps method + path templates such as {@code /v1/tasks/{id}} to handlers. */
public final class Router {

    /** A route that matched, with its path variables. */
    public record Match(Route route, Map<String, String> pathParams) {
    }

    /** {@code maxBodyBytes} of 0 means the configured JSON limit. */
    public record Route(String method, String template, Endpoint endpoint, Handler handler, int maxBodyBytes,
            Pattern pattern, List<String> names) {
    }

    /** Outcome of a lookup: a match, or whether the path exists under another method (405 vs 404). */
    public record Lookup(Match match, boolean pathKnown) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Endpoint endpoint, Handler handler) {
        return add(method, template, endpoint, handler, 0);
    }

    public Router add(String method, String template, Endpoint endpoint, Handler handler, int maxBodyBytes) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([a-zA-Z]+)(\\*?)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            // {name*} swallows the rest of the path, slashes included
            regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, endpoint, handler, maxBodyBytes, Pattern.compile(regex.toString()),
                names));
        return this;
    }

    public Lookup find(String method, String path) {
        boolean pathKnown = false;
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (r.method().equals(method)) {
                Map<String, String> params = new HashMap<>();
                for (int i = 0; i < r.names().size(); i++) {
                    params.put(r.names().get(i), m.group(i + 1));
                }
                return new Lookup(new Match(r, params), true);
            }
        }
        return new Lookup(null, pathKnown);
    }
}
