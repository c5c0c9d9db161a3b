package io.eventsuite.platform.observability;

import com.amazonaws.services.lambda.runtime.Context;
import org.springframework.messaging.Message;

/**
 * The Lambda {@link Context} of an invocation, as the Spring Cloud Function AWS adapter passes it: in the
 * {@value #HEADER} header of the message a function receives. Null outside Lambda (a test may omit it).
 */
public final class LambdaContexts {

    public static final String HEADER = "aws-context";

    private LambdaContexts() {
    }

    public static Context of(Message<?> message) {
        return message.getHeaders().get(HEADER) instanceof Context context ? context : null;
    }
}
