package io.eventsuite.platform.http;

import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.Violation;
import io.eventsuite.domain.common.Violations;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds a self-validating command after its parts were checked, so the client hears of every problem in
 * one answer: the command's own violations are added to those already found, except on fields that are
 * already reported (an invalid email is not also "required").
 */
public final class Commands {

    private Commands() {
    }

    /** The command, or throws {@link InvalidInput} with all violations found so far and by the command. */
    public static <T> T build(Violations found, Supplier<T> command) {
        try {
            T built = command.get();
            found.throwIfAny();
            return built;
        } catch (InvalidInput invalid) {
            Set<String> reported = found.list().stream().map(Violation::field).collect(Collectors.toSet());
            invalid.violations().stream()
                    .filter(v -> !reported.contains(v.field()))
                    .forEach(v -> found.add(v.field(), v.message()));
            found.throwIfAny();
            throw invalid;
        }
    }
}
