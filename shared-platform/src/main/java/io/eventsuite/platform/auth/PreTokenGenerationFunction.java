package io.eventsuite.platform.auth;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import org.springframework.messaging.Message;

/**
 * The type of the Cognito pre token generation trigger's function bean. Like the HTTP routes it takes the raw
 * invocation bytes (with the Lambda context in the {@code aws-context} header), so the adapter neither
 * converts nor unwraps anything; it answers the event with its {@code response} filled in, as Cognito expects.
 */
public interface PreTokenGenerationFunction extends Function<Message<InputStream>, Map<String, Object>> {
}
