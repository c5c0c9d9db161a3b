package io.eventsuite.adapters.wiring;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A CLIENT span per AWS SDK call (DynamoDB, SNS, SES, SQS), child of the invocation's current span: named
 * {@code <Service>.<Operation>}, with the table, topic or queue NAME it addressed and the HTTP status or AWS error
 * code. Never an item, a key's value, a message body or an address: only names AWS gives resources.
 *
 * <p>An SDK {@link ExecutionInterceptor} (the OpenTelemetry AWS SDK instrumentation is not served here). One
 * execution is one attempt of a call the SDK makes without retries, or one of the calls Resilience4j retries, so
 * each retry shows as a span of its own.
 */
final class AwsSdkSpans implements ExecutionInterceptor {

    private static final ExecutionAttribute<Observation> OBSERVATION = new ExecutionAttribute<>("eventsuite.span");

    private final ObservationRegistry registry;

    AwsSdkSpans(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        SenderContext<Object> sender = new SenderContext<>((carrier, key, value) -> { }, Kind.CLIENT);
        sender.setRemoteServiceName(service);
        Observation observation = Observation.createNotStarted("eventsuite.aws.call", () -> sender, registry)
                .contextualName(service + "." + operation)
                .lowCardinalityKeyValue("rpc.system", "aws-api")
                .lowCardinalityKeyValue("rpc.service", String.valueOf(service))
                .lowCardinalityKeyValue("rpc.method", String.valueOf(operation));
        tableNames(context.request()).ifPresent(names ->
                observation.lowCardinalityKeyValue("aws.dynamodb.table_names", names));
        destination(context.request()).ifPresent(name ->
                observation.lowCardinalityKeyValue("messaging.destination.name", name));
        attributes.putAttribute(OBSERVATION, observation.start());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Observation observation = attributes.getAttribute(OBSERVATION);
        if (observation != null) {
            observation.highCardinalityKeyValue("http.response.status_code",
                    Integer.toString(context.httpResponse().statusCode()));
            observation.stop();
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Observation observation = attributes.getAttribute(OBSERVATION);
        if (observation != null) {
            Throwable failure = context.exception();
            String code = failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                    ? aws.awsErrorDetails().errorCode() : failure.getClass().getSimpleName();
            observation.lowCardinalityKeyValue("aws.error_code", String.valueOf(code));
            observation.error(new AwsCallFailed(code));
            observation.stop();
        }
    }

    /** A table name, or the tables of a batch call (the keys of its RequestItems are table names). */
    private static Optional<String> tableNames(SdkRequest request) {
        Optional<String> table = request.getValueForField("TableName", String.class);
        if (table.isPresent()) {
            return table;
        }
        return request.getValueForField("RequestItems", Map.class)
                .map(items -> String.join(",", stringKeys(items)));
    }

    /** The SNS topic's or SQS queue's name: the last part of its ARN or URL. */
    private static Optional<String> destination(SdkRequest request) {
        return request.getValueForField("TopicArn", String.class).map(arn -> arn.substring(arn.lastIndexOf(':') + 1))
                .or(() -> request.getValueForField("QueueUrl", String.class)
                        .map(url -> url.substring(url.lastIndexOf('/') + 1)));
    }

    private static java.util.Set<String> stringKeys(Map<?, ?> map) {
        java.util.Set<String> keys = new TreeSet<>();
        map.keySet().forEach(key -> keys.add(String.valueOf(key)));
        return keys;
    }

    /** The error a failed call's span records: the AWS error code only (a message may quote input). */
    static final class AwsCallFailed extends RuntimeException {
        AwsCallFailed(String code) {
            super(code, null, false, false);
        }
    }
}
