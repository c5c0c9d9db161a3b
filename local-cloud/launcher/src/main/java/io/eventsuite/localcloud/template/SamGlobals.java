package io.eventsuite.localcloud.template;

import static io.eventsuite.localcloud.template.TemplateValues.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template's {@code Globals} section, merged into each function and HTTP API as SAM does, so that the readers
 * see one set of properties and never have to ask where a value came from.
 */
final class SamGlobals {

    private final Map<String, Object> function;
    private final Map<String, Object> httpApi;

    private SamGlobals(Map<String, Object> function, Map<String, Object> httpApi) {
        this.function = function;
        this.httpApi = httpApi;
    }

    static SamGlobals of(Map<String, Object> document) {
        Map<String, Object> globals = map(document.get("Globals"));
        return new SamGlobals(map(globals.get("Function")), map(globals.get("HttpApi")));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> function(Map<String, Object> properties) {
        return (Map<String, Object>) merge(function, properties);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> httpApi(Map<String, Object> properties) {
        return (Map<String, Object>) merge(httpApi, properties);
    }

    /** SAM's Globals merge: maps merge key by key, lists append, a function's own scalar wins. */
    @SuppressWarnings("unchecked")
    static Object merge(Object global, Object local) {
        if (global instanceof Map<?, ?> g && local instanceof Map<?, ?> l) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) g);
            ((Map<String, Object>) l).forEach((k, v) -> out.put(k, out.containsKey(k) ? merge(out.get(k), v) : v));
            return out;
        }
        if (global instanceof List<?> g && local instanceof List<?> l && !isIntrinsic(local)) {
            List<Object> out = new ArrayList<>(g);
            out.addAll(l);
            return out;
        }
        return local == null ? global : local;
    }

    /** A {@code !Ref} or {@code Fn::} list stands for one value: it replaces the global list, not appends to it. */
    private static boolean isIntrinsic(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1
                && m.keySet().stream().anyMatch(k -> "Ref".equals(k) || String.valueOf(k).startsWith("Fn::"));
    }
}
