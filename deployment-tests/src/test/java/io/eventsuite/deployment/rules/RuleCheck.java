package io.eventsuite.deployment.rules;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/**
 * One named deployment rule being checked: collects which resource breaks it and how, then fails once with all
 * of them, e.g. {@code Rule 'every-queue-has-a-dlq' is broken by 1 resource(s): - FooQueue: no RedrivePolicy}.
 */
final class RuleCheck {

    private final String rule;
    private final String why;
    private final List<String> violations = new ArrayList<>();

    private RuleCheck(String rule, String why) {
        this.rule = rule;
        this.why = why;
    }

    /** @param why the reason the rule exists, printed with its violations so the fix is obvious */
    static RuleCheck rule(String rule, String why) {
        return new RuleCheck(rule, why);
    }

    RuleCheck violation(String resource, String message) {
        violations.add(resource + ": " + message);
        return this;
    }

    RuleCheck require(boolean condition, String resource, String message) {
        if (!condition) {
            violation(resource, message);
        }
        return this;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    void assertPassed() {
        if (!violations.isEmpty()) {
            fail("Rule '" + rule + "' (" + why + ") is broken " + violations.size() + " time(s):\n  - "
                    + String.join("\n  - ", violations));
        }
    }
}
