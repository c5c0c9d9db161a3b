package io.eventsuite.localcloud.faults;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the fault switch can break, by the name {@code --faults} uses. */
public enum FaultKind {

    /** The SNS endpoint answers throttling or a 5xx (sometimes after the publish went through). */
    SNS("sns"),
    /** The DynamoDB endpoint answers throttling or a 5xx (sometimes after the write was applied). */
    DYNAMODB("dynamodb"),
    /** A function's execution environment is killed mid-invocation, after the handler ran, before its answer. */
    CRASH("crash"),
    /** An SQS message is handed to the function again right after it was processed (a lost delete). */
    DUPLICATE("duplicate");

    private final String switchName;

    FaultKind(String switchName) {
        this.switchName = switchName;
    }

    public String switchName() {
        return switchName;
    }

    static FaultKind named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.switchName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--faults: unknown fault \"" + name.trim()
                        + "\"; the faults are " + names()));
    }

    static String names() {
        return Arrays.stream(values()).map(FaultKind::switchName).collect(Collectors.joining(", "));
    }
}
