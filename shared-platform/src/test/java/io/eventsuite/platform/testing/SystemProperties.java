package io.eventsuite.platform.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** System properties set for the length of a test's block, and put back after it. */
public final class SystemProperties {

    /** Credentials the SDK's system-property provider finds (static; nothing checks them locally). */
    public static final Map<String, String> STATIC_CREDENTIALS = Map.of("aws.accessKeyId", "AKIDTEST",
            "aws.secretAccessKey", "secret");

    private SystemProperties() {
    }

    /** Runs {@code body} with these system properties set, and puts back what they were. */
    public static void with(Map<String, String> properties, Runnable body) {
        Map<String, String> saved = new HashMap<>();
        properties.keySet().forEach(key -> Optional.ofNullable(System.getProperty(key))
                .ifPresent(value -> saved.put(key, value)));
        properties.forEach(System::setProperty);
        try {
            body.run();
        } finally {
            for (String key : properties.keySet()) {
                if (saved.containsKey(key)) {
                    System.setProperty(key, saved.get(key));
                } else {
                    System.clearProperty(key);
                }
            }
        }
    }
}
