package io.eventsuite.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.InputStream;
import java.util.function.Function;
import org.springframework.messaging.Message;

/**
 * The type of every HTTP route's function bean.
 *
 * <p>It takes the raw invocation bytes rather than a typed {@code APIGatewayV2HTTPEvent} on purpose. Given a
 * typed API Gateway event, the Spring Cloud Function AWS adapter (5.0.x) inspects the body: a body that is a
 * JSON array is split into a stream of its elements and the invocation fails before our code runs (a 502
 * for what should be a 400), and a top-level {@code payload} field is unwrapped. With a stream it hands the
 * bytes over untouched (with the Lambda context in the {@code aws-context} header), and the event is read
 * with Lambda's own event serializers. The typed response is written out as it is.
 */
public interface HttpFunction extends Function<Message<InputStream>, APIGatewayV2HTTPResponse> {
}
