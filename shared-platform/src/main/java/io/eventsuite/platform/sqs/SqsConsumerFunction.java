package io.eventsuite.platform.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.io.InputStream;
import java.util.function.Function;
import org.springframework.messaging.Message;

/**
 * The type of every SQS consumer's function bean: the raw invocation bytes in, which the adapter hands over untouched
 * and {@code LambdaEventJson} reads, and a partial batch response out. Not a typed {@code SQSEvent}: the adapter would
 * read that with the Lambda runtime's serializer and its shaded Jackson, a second JSON stack in every cold start.
 */
public interface SqsConsumerFunction extends Function<Message<InputStream>, SQSBatchResponse> {
}
