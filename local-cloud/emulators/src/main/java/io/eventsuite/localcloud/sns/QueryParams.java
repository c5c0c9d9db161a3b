package io.eventsuite.localcloud.sns;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of an AWS Query request ({@code application/x-www-form-urlencoded}), with the helpers for the
 * flattened lists ({@code Prefix.member.N}) and maps ({@code Prefix.entry.N.key}) that SDK v2 writes.
 */
final class QueryParams {

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    static QueryParams parse(String... encodedParts) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String encoded : encodedParts) {
            if (encoded == null || encoded.isEmpty()) {
                continue;
            }
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.put(name, value);
            }
        }
        return new QueryParams(values);
    }

    static QueryParams of(Map<String, String> values) {
        return new QueryParams(new LinkedHashMap<>(values));
    }

    String get(String name) {
        return values.get(name);
    }

    /** A parameter the action cannot do without, refused as SNS refuses a missing or empty one. */
    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw SnsError.invalidParameter("Invalid parameter: " + name + " Reason: no value for required parameter");
        }
        return value;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The parameters under {@code prefix.}, with the prefix cut. */
    QueryParams under(String prefix) {
        Map<String, String> sub = new LinkedHashMap<>();
        String start = prefix + ".";
        values.forEach((k, v) -> {
            if (k.startsWith(start)) {
                sub.put(k.substring(start.length()), v);
            }
        });
        return new QueryParams(sub);
    }

    /** {@code prefix.member.1..N} (or {@code prefix.entry.1..N}), each as its own parameter set, in index order. */
    List<QueryParams> indexed(String prefix, String element) {
        List<QueryParams> result = new ArrayList<>();
        for (int i = 1; ; i++) {
            String base = prefix + "." + element + "." + i;
            QueryParams item = under(base);
            boolean scalar = values.containsKey(base);
            if (item.values.isEmpty() && !scalar) {
                // tolerate gaps? SDKs number densely from 1, so a missing index ends the list.
                break;
            }
            if (scalar) {
                item.values.put("", values.get(base));
            }
            result.add(item);
        }
        return result;
    }

    /** A map written as {@code prefix.entry.N.<keyName>} / {@code prefix.entry.N.<valueName>}; values flat. */
    Map<String, String> map(String prefix, String keyName, String valueName) {
        Map<String, String> result = new LinkedHashMap<>();
        for (QueryParams entry : indexed(prefix, "entry")) {
            String key = entry.get(keyName);
            if (key != null) {
                result.put(key, entry.get(valueName));
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
