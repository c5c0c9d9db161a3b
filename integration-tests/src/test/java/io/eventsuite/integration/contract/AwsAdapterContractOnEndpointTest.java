package io.eventsuite.integration.contract;

import io.eventsuite.localcloud.aws.UserAws;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIf;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The adapter contract against any endpoint, given as system properties: LocalStack or moto already running, the
 * local cloud's emulators started on their own, or AWS itself.
 *
 * <pre>{@code
 * ./mvnw -pl integration-tests -am verify -Dtest=AwsAdapterContractOnEndpointTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Deventsuite.aws.endpoint=http://localhost:4566       # one endpoint for all three (LocalStack, moto server)
 *     -Deventsuite.aws.dynamodb.endpoint=... -Deventsuite.aws.sns.endpoint=... -Deventsuite.aws.sqs.endpoint=...
 *     -Deventsuite.aws.endpoint=aws                         # AWS itself (the SDK's endpoints for the region)
 *     -Deventsuite.aws.region=eu-west-1                     # else AWS_REGION / the profile's, else us-east-1
 *     -Deventsuite.aws.name-prefix=contract-alice-          # default eventsuite-contract-
 * }</pre>
 *
 * <p>Credentials come from the AWS environment (variables, profile), as the CLI reads them; without any,
 * {@code test}/{@code test}, which LocalStack and moto accept. What a test makes is named after the prefix and
 * deleted after it. Without any of the endpoint properties the class is skipped.
 */
@DisplayName("AWS adapter contract on an endpoint given by -Deventsuite.aws.endpoint")
@EnabledIf("endpointGiven")
class AwsAdapterContractOnEndpointTest extends AwsAdapterContract {

    static final String ENDPOINT = "eventsuite.aws.endpoint";
    /** The value of {@link #ENDPOINT} that means AWS itself. */
    static final String AWS = "aws";

    static boolean endpointGiven() {
        return List.of("dynamodb", "sns", "sqs").stream().anyMatch(service -> property(service) != null);
    }

    /** The service's own property, else the common one; blank counts as absent. */
    private static String property(String service) {
        String own = System.getProperty("eventsuite.aws." + service + ".endpoint");
        String value = own != null && !own.isBlank() ? own : System.getProperty(ENDPOINT);
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    protected URI endpoint(String service) {
        String value = property(service);
        return value == null || value.equals(AWS) ? null : URI.create(value);
    }

    @Override
    protected String region() {
        String region = System.getProperty("eventsuite.aws.region");
        return region != null && !region.isBlank() ? region : UserAws.region().orElse("us-east-1");
    }

    @Override
    protected AwsCredentialsProvider credentials() {
        return UserAws.credentials();
    }

    @Override
    protected String namePrefix() {
        return System.getProperty("eventsuite.aws.name-prefix", "eventsuite-contract-");
    }

    /** The queue policy AWS needs before a topic may send to a queue (the emulators take it as well). */
    @Override
    protected void allowTopicToSend(SqsClient sqs, String queueUrl, String queueArn, String topicArn) {
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},\
                "Action":"sqs:SendMessage","Resource":"%s","Condition":{"ArnEquals":{"aws:SourceArn":"%s"}}}]}"""
                .formatted(queueArn, topicArn);
        sqs.setQueueAttributes(r -> r.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, policy)));
    }
}
