package io.eventsuite.localcloud.template;

import java.util.List;
import java.util.Map;

/**
 * Reads property values of a parsed template: the typed getters resolve intrinsics first (so a {@code !Ref} to a
 * parameter or an {@code !If} gives its local value), the static helpers look at the raw YAML only.
 */
final class TemplateValues {

    private final Intrinsics intrinsics;

    TemplateValues(Intrinsics intrinsics) {
        this.intrinsics = intrinsics;
    }

    Intrinsics intrinsics() {
        return intrinsics;
    }

    String string(Object value) {
        return value == null ? null : intrinsics.string(value);
    }

    List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        Object resolved = intrinsics.resolve(value);
        if (resolved instanceof List<?> items) {
            return items.stream().map(Intrinsics::scalar).toList();
        }
        return resolved == null ? List.of() : List.of(Intrinsics.scalar(resolved));
    }

    int integer(Object value, int fallback) {
        String s = string(value);
        return s == null ? fallback : Integer.parseInt(s);
    }

    boolean bool(Object value, boolean fallback) {
        String s = string(value);
        return s == null ? fallback : Boolean.parseBoolean(s);
    }

    /** The logical id a {@code !Ref X} or {@code !GetAtt X.Attr} points to; {@code null} for anything else. */
    static String targetId(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            Object ref = m.get("Ref");
            if (ref != null) {
                return String.valueOf(ref);
            }
            Object getAtt = m.get("Fn::GetAtt");
            if (getAtt instanceof List<?> parts && !parts.isEmpty()) {
                return String.valueOf(parts.get(0));
            }
            if (getAtt instanceof String s) {
                return s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
            }
        }
        return null;
    }

    /** A YAML mapping, or an empty one when the key is absent (most template sections are optional). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
