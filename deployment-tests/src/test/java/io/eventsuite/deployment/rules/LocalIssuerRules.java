package io.eventsuite.deployment.rules;

import io.eventsuite.deployment.template.Template;
import io.eventsuite.platform.auth.LocalIssuer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deployed function trusts API Gateway's authorizer only. The settings that make it verify bearer tokens itself
 * (sam local's dev issuer, {@link LocalIssuer}) come from the local cloud's env.json alone: the template must never
 * set them, in any spelling Spring binds (a property in {@code JAVA_TOOL_OPTIONS}, an environment variable, a
 * parameter feeding one), or a stack could be told to accept tokens from a key set of someone's choosing.
 */
final class LocalIssuerRules {

    private static final String NAME = normalized(LocalIssuer.PROPERTY_PREFIX);

    private LocalIssuerRules() {
    }

    static RuleCheck templateNeverNamesTheLocalIssuer(Template template) {
        RuleCheck check = RuleCheck.rule("template-never-names-the-local-issuer",
                "only the local cloud's env.json (sam local) names " + LocalIssuer.PROPERTY_PREFIX + "*");
        visit(template.document(), "", check);
        return check;
    }

    private static void visit(Object node, String path, RuleCheck check) {
        switch (node) {
            case Map<?, ?> map -> map.forEach((key, value) -> {
                String at = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if (names(key)) {
                    check.violation(at, "names " + LocalIssuer.PROPERTY_PREFIX + "*");
                }
                visit(value, at, check);
            });
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    visit(list.get(i), path + "[" + i + "]", check);
                }
            }
            case null -> {
            }
            default -> {
                if (names(node)) {
                    check.violation(path, "sets " + LocalIssuer.PROPERTY_PREFIX + "*");
                }
            }
        }
    }

    /** Spring's relaxed binding: eventsuite.local-auth.x, EVENTSUITE_LOCALAUTH_X and the like are one name. */
    private static boolean names(Object value) {
        return normalized(String.valueOf(value)).contains(NAME);
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
