package io.eventsuite.deployment.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small, null-safe accessors for the maps and lists a template is made of, and for intrinsic functions. */
public final class Nodes {

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}");

    private Nodes() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node) {
        if (node == null) {
            return List.of();
        }
        return node instanceof List<?> list ? (List<Object>) list : List.of(node);
    }

    /** The value at a path of map keys, or null. */
    public static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    public static Optional<String> string(Object node) {
        return node instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** A literal number (YAML int, or a string holding one, as CloudFormation accepts), if it is one. */
    public static Optional<Long> number(Object node) {
        if (node instanceof Number n) {
            return Optional.of(n.longValue());
        }
        if (node instanceof String s && s.matches("-?\\d+")) {
            return Optional.of(Long.parseLong(s));
        }
        return Optional.empty();
    }

    /** true for YAML true or the string "true", as CloudFormation accepts both. */
    public static boolean isTrue(Object node) {
        return Boolean.TRUE.equals(node) || node instanceof String s && s.equalsIgnoreCase("true");
    }

    /** The logical id of {@code {Ref: X}}. */
    public static Optional<String> ref(Object node) {
        Map<String, Object> map = map(node);
        return map.size() == 1 ? string(map.get("Ref")) : Optional.empty();
    }

    /** The logical id of {@code {Fn::GetAtt: [X, attribute]}} when the attribute is the one asked for. */
    public static Optional<String> getAtt(Object node, String attribute) {
        Map<String, Object> map = map(node);
        List<Object> args = list(map.get("Fn::GetAtt"));
        if (map.size() == 1 && args.size() == 2 && attribute.equals(args.get(1))) {
            return string(args.get(0));
        }
        return Optional.empty();
    }

    /**
     * Every logical id (or parameter) the node refers to, through Ref, GetAtt or ${...} in Sub, at any depth.
     * Pseudo parameters (AWS::...) are left out.
     */
    public static Set<String> references(Object node) {
        Set<String> found = new LinkedHashSet<>();
        collectReferences(node, found);
        found.removeIf(id -> id.startsWith("AWS::"));
        return found;
    }

    private static void collectReferences(Object node, Set<String> found) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey();
                Object value = entry.getValue();
                if ("Ref".equals(key) && value instanceof String id) {
                    found.add(id);
                } else if ("Fn::GetAtt".equals(key) && !list(value).isEmpty() && list(value).get(0) instanceof String id) {
                    found.add(id);
                } else if ("Fn::Sub".equals(key)) {
                    List<Object> args = list(value);
                    if (!args.isEmpty() && args.get(0) instanceof String text) {
                        Set<String> local = args.size() > 1 ? map(args.get(1)).keySet() : Set.of();
                        Matcher m = SUB_REFERENCE.matcher(text);
                        while (m.find()) {
                            if (!local.contains(m.group(1))) {
                                found.add(m.group(1));
                            }
                        }
                    }
                    args.stream().skip(1).forEach(arg -> collectReferences(arg, found));
                } else {
                    collectReferences(value, found);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, found));
        }
    }

    /** Deep merge as SAM applies Globals: maps merge key by key, anything else is replaced by the resource's. */
    public static Object merge(Object global, Object local) {
        if (local == null) {
            return global;
        }
        if (global instanceof Map<?, ?> g && local instanceof Map<?, ?> l) {
            Map<String, Object> merged = new java.util.LinkedHashMap<>(map(g));
            map(l).forEach((key, value) -> merged.put(key, merge(merged.get(key), value)));
            return merged;
        }
        if (global instanceof List<?> g && local instanceof List<?> l) {
            List<Object> merged = new ArrayList<>(g);
            merged.addAll(l);
            return merged;
        }
        return local;
    }
}
