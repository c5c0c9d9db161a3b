package io.eventsuite.localcloud.template;

import static io.eventsuite.localcloud.template.TemplateValues.list;
import static io.eventsuite.localcloud.template.TemplateValues.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The values the template's parameters take locally: an override, else the Default, else a placeholder its
 * constraints accept (remembered, so the launcher can warn about it). With the pseudo parameters they make the
 * {@link Intrinsics} every other value is resolved with.
 */
record TemplateParameters(Map<String, String> values, Map<String, String> placeholders) {

    static TemplateParameters resolve(Map<String, Object> document, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> placeholders = new LinkedHashMap<>();
        map(document.get("Parameters")).forEach((name, definition) -> {
            Map<String, Object> def = map(definition);
            if (overrides.containsKey(name)) {
                values.put(name, overrides.get(name));
            } else if (def.get("Default") != null) {
                values.put(name, Intrinsics.scalar(def.get("Default")));
            } else {
                String value = placeholder(def);
                values.put(name, value);
                placeholders.put(name, value);
            }
        });
        return new TemplateParameters(values, placeholders);
    }

    /** The intrinsics of the one local stack, in {@code region}, with the template's conditions. */
    Intrinsics intrinsics(Map<String, Object> document, String region) {
        String account = SamTemplate.ACCOUNT_ID;
        String stack = SamTemplate.STACK_NAME;
        Map<String, String> pseudo = Map.of(
                "AWS::Region", region,
                "AWS::AccountId", account,
                "AWS::Partition", "aws",
                "AWS::URLSuffix", "amazonaws.com",
                "AWS::StackName", stack,
                "AWS::StackId", "arn:aws:cloudformation:" + region + ":" + account + ":stack/" + stack + "/local",
                "AWS::NotificationARNs", "");
        return new Intrinsics(values, pseudo, map(document.get("Conditions")), Intrinsics.NONE);
    }

    /** A local value for a parameter without a default that its constraints accept. */
    private static String placeholder(Map<String, Object> definition) {
        List<?> allowed = list(definition.get("AllowedValues"));
        if (!allowed.isEmpty()) {
            return Intrinsics.scalar(allowed.get(0));
        }
        Object pattern = definition.get("AllowedPattern");
        for (String candidate : List.of("local", "no-reply@eventsuite.local", "0")) {
            if (pattern == null || Pattern.compile(String.valueOf(pattern)).matcher(candidate).matches()) {
                return candidate;
            }
        }
        return "local";
    }
}
