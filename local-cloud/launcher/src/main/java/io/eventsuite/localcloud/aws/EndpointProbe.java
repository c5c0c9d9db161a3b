package io.eventsuite.localcloud.aws;

import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Asks each endpoint of the user's one cheap, read-only question (ListTables, ListTopics, ListQueues, one page)
 * before anything starts, so that an endpoint that is down or refuses the credentials stops the launcher with a
 * message naming it, not with a stack trace half-way through provisioning.
 */
public final class EndpointProbe {

    private EndpointProbe() {
    }

    /** Throws {@link EndpointNotAnswering} for the first service whose endpoint does not answer. */
    public static void requireAnswering(AwsAccount account, Set<AwsService> services) {
        for (AwsService service : services) {
            try {
                ask(account, service);
            } catch (SdkClientException unreachable) {
                throw new EndpointNotAnswering("the " + service.displayName() + " endpoint " + account.endpoint(service)
                        + " does not answer (" + rootMessage(unreachable) + "): start it, or point "
                        + service.option() + " / --aws-endpoint at one that runs");
            } catch (SdkException refused) {
                throw new EndpointNotAnswering("the " + service.displayName() + " endpoint " + account.endpoint(service)
                        + " refused a " + question(service) + " (" + rootMessage(refused) + "): check the region ("
                        + account.region() + ") and the AWS credentials");
            }
        }
    }

    private static void ask(AwsAccount account, AwsService service) {
        switch (service) {
            case DYNAMODB -> {
                try (DynamoDbClient client = account.probing(DynamoDbClient.builder(), service).build()) {
                    client.listTables(r -> r.limit(1));
                }
            }
            case SNS -> {
                try (SnsClient client = account.probing(SnsClient.builder(), service).build()) {
                    client.listTopics();
                }
            }
            case SQS -> {
                try (SqsClient client = account.probing(SqsClient.builder(), service).build()) {
                    client.listQueues(r -> r.maxResults(1));
                }
            }
        }
    }

    private static String question(AwsService service) {
        return switch (service) {
            case DYNAMODB -> "ListTables";
            case SNS -> "ListTopics";
            case SQS -> "ListQueues";
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** An endpoint of the user's that cannot be used; the message says which and what to do. */
    public static final class EndpointNotAnswering extends IllegalStateException {
        EndpointNotAnswering(String message) {
            super(message);
        }
    }
}
