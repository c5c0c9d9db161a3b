package io.eventsuite.localcloud.gateway;

import io.eventsuite.localcloud.template.SamTemplate.HttpRoute;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP API route selection: {@code METHOD /path/{param}} routes, {@code {proxy+}} greedy parameters, the
 * {@code ANY} method and the {@code $default} route. As in API Gateway the most specific route wins: a literal
 * segment before a parameter, a parameter before a greedy one, a method before {@code ANY}.
 */
public final class RouteTable {

    /** The chosen route and the path parameters it captured (URL-decoded). */
    public record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    private record Compiled(HttpRoute route, List<String> segments, int[] rank) {
    }

    private final List<Compiled> routes = new ArrayList<>();
    private final HttpRoute defaultRoute;

    public RouteTable(List<HttpRoute> routes) {
        HttpRoute fallback = null;
        for (HttpRoute route : routes) {
            if (route.path().equals("$default")) {
                fallback = route;
                continue;
            }
            List<String> segments = segments(route.path());
            int[] rank = new int[segments.size() + 1];
            for (int i = 0; i < segments.size(); i++) {
                String s = segments.get(i);
                rank[i] = s.endsWith("+}") ? 2 : s.startsWith("{") ? 1 : 0;
            }
            rank[segments.size()] = route.method().equals("ANY") ? 1 : 0;
            this.routes.add(new Compiled(route, segments, rank));
        }
        this.routes.sort(Comparator.comparing(Compiled::rank, RouteTable::compareRanks));
        this.defaultRoute = fallback;
    }

    /** The route for a request, if any (API Gateway answers 404 otherwise). */
    public Optional<Match> match(String method, String rawPath) {
        List<String> requested = segments(rawPath);
        for (Compiled candidate : routes) {
            String m = candidate.route().method();
            if (!m.equals("ANY") && !m.equalsIgnoreCase(method)) {
                continue;
            }
            Map<String, String> parameters = bind(candidate.segments(), requested);
            if (parameters != null) {
                return Optional.of(new Match(candidate.route(), parameters));
            }
        }
        return Optional.ofNullable(defaultRoute).map(r -> new Match(r, Map.of()));
    }

    public List<HttpRoute> routes() {
        List<HttpRoute> all = new ArrayList<>(routes.stream().map(Compiled::route).toList());
        if (defaultRoute != null) {
            all.add(defaultRoute);
        }
        return all;
    }

    private static Map<String, String> bind(List<String> pattern, List<String> path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (p.startsWith("{") && p.endsWith("+}")) {
                if (i >= path.size()) {
                    return null;
                }
                List<String> rest = path.subList(i, path.size()).stream().map(RouteTable::decode).toList();
                parameters.put(p.substring(1, p.length() - 2), String.join("/", rest));
                return parameters;
            }
            if (i >= path.size()) {
                return null;
            }
            if (p.startsWith("{") && p.endsWith("}")) {
                if (path.get(i).isEmpty()) {
                    return null;
                }
                parameters.put(p.substring(1, p.length() - 1), decode(path.get(i)));
            } else if (!p.equals(path.get(i))) {
                return null;
            }
        }
        return pattern.size() == path.size() ? parameters : null;
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static int compareRanks(int[] a, int[] b) {
        int n = Math.min(a.length - 1, b.length - 1);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        if (a.length != b.length) {
            return Integer.compare(b.length, a.length);
        }
        return Integer.compare(a[a.length - 1], b[b.length - 1]);
    }
}
