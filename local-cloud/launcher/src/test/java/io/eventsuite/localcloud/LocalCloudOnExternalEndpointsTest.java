package io.eventsuite.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.localcloud.aws.AwsService;
import io.eventsuite.localcloud.aws.ExternalAws;
import io.eventsuite.localcloud.tracing.ZipkinServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local cloud on emulators it did not start, as a team that runs LocalStack or moto would use it: the embedded
 * emulators are started here on their own (like any AWS-compatible endpoint of the user's), the launcher is pointed
 * at them with {@code --dynamodb-endpoint}, {@code --sns-endpoint} and {@code --sqs-endpoint} and a name prefix, and
 * provisions the template there, runs one flow through it, and deletes what it made when it stops.
 */
@DisplayName("local cloud on endpoints of the user's")
class LocalCloudOnExternalEndpointsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration EVENTUALLY = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PREFIX = "ext" + UUID.randomUUID().toString().substring(0, 6) + "-";

    /** The user's "LocalStack": started apart from the local cloud, and still running after it stops. */
    private static LocalEmulators theirs;
    private static LocalCloud cloud;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static SnsClient sns;

    @BeforeAll
    static void start() {
        theirs = LocalEmulators.start();
        var account = io.eventsuite.localcloud.aws.AwsAccount.embedded(theirs);
        dynamo = account.dynamoDb();
        sqs = account.sqs();
        sns = account.sns();
        Path project = Path.of(System.getProperty("eventsuite.project.dir", "../..")).toAbsolutePath().normalize();
        Path target = Path.of("target").toAbsolutePath();
        LocalCloud.Options options = new LocalCloud.Options(project, null, null, 0, 0, 0, 0,
                // the same artifacts as the other end-to-end test: a second build of the functions is a copy
                target.resolve("e2e-artifacts"), target.resolve("external-env.json"), true, false, true, Map.of(),
                System.out).withAws(new ExternalAws(Map.of(
                        AwsService.DYNAMODB, theirs.dynamodb().endpoint(),
                        AwsService.SNS, theirs.sns().endpoint(),
                        AwsService.SQS, theirs.sqs().endpoint()), PREFIX));
        String zipkinJar = System.clearProperty(ZipkinServer.JAR_PROPERTY);
        try {
            cloud = LocalCloud.start(options);
        } finally {
            if (zipkinJar != null) {
                System.setProperty(ZipkinServer.JAR_PROPERTY, zipkinJar);
            }
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (cloud != null) {
                cloud.close();
            }
            assertThat(dynamo.listTables().tableNames()).as("the tables it made are gone").noneMatch(t -> t.startsWith(PREFIX));
            assertThat(sqs.listQueues().queueUrls()).as("the queues it made are gone").noneMatch(u -> u.contains(PREFIX));
            assertThat(sns.listTopics().topics()).as("the topics it made are gone")
                    .noneMatch(t -> t.topicArn().contains(PREFIX));
        } finally {
            dynamo.close();
            sqs.close();
            sns.close();
            theirs.close();
        }
    }

    @Test
    void no_embedded_emulator_runs_and_the_template_is_provisioned_on_the_users_endpoints_under_the_prefix() {
        assertThat(cloud.emulators()).as("no embedded emulator was started").isNull();
        assertThat(dynamo.listTables().tableNames()).filteredOn(t -> t.startsWith(PREFIX))
                .containsExactlyInAnyOrderElementsOf(cloud.template().tables().stream()
                        .map(t -> PREFIX + t.tableName()).toList());
        List<String> queues = new ArrayList<>(cloud.template().queues().stream().map(q -> PREFIX + q.queueName()).toList());
        queues.add(PREFIX + "captured-email");
        assertThat(sqs.listQueues(r -> r.queueNamePrefix(PREFIX)).queueUrls())
                .extracting(url -> url.substring(url.lastIndexOf('/') + 1))
                .containsExactlyInAnyOrderElementsOf(queues);
        assertThat(sns.listTopics().topics()).extracting(t -> t.topicArn().substring(t.topicArn().lastIndexOf(':') + 1))
                .filteredOn(name -> name.startsWith(PREFIX))
                .containsExactlyInAnyOrderElementsOf(cloud.template().topics().stream()
                        .map(t -> PREFIX + t.topicName()).toList());
        assertThat(sns.listSubscriptions().subscriptions()).filteredOn(s -> s.topicArn().contains(PREFIX))
                .hasSize(cloud.template().subscriptions().size());
        assertThat(cloud.stack().localOverrides()).containsEntry("AWS_ENDPOINT_URL_DYNAMODB",
                theirs.dynamodb().endpoint().toString()).containsEntry("AWS_ENDPOINT_URL_SQS",
                theirs.sqs().endpoint().toString()).containsEntry("AWS_ENDPOINT_URL_SNS",
                theirs.sns().endpoint().toString());
    }

    @Test
    void the_banner_says_each_service_is_the_users_and_where() {
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        cloud.describe(new PrintStream(banner, true, StandardCharsets.UTF_8));

        assertThat(banner.toString(StandardCharsets.UTF_8).lines()).contains(
                "AWS services (names prefixed " + PREFIX + "); what the local cloud creates on your endpoints is "
                        + "deleted when it stops",
                "  DynamoDB  (yours)             " + theirs.dynamodb().endpoint(),
                "  SNS       (yours)             " + theirs.sns().endpoint(),
                "  SQS       (yours)             " + theirs.sqs().endpoint());
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void a_registered_user_is_welcomed_through_the_users_sns_and_sqs() throws Exception {
        String sub = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        String email = sub + "@example.com";
        String token = JSON.readTree(post("/local/token", null,
                "{\"sub\":\"" + sub + "\",\"email\":\"" + email + "\",\"groups\":[]}").body())
                .path("access_token").asString();

        HttpResponse<String> registered = post("/users", token, "{\"displayName\":\"Bob\",\"email\":\"" + email
                + "\",\"preferences\":{\"orderUpdates\":true,\"accountUpdates\":true}}");

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String capturedEmails = cloud.stack().capturedEmailQueueUrl();
        assertThat(capturedEmails).endsWith("/" + PREFIX + "captured-email");
        JsonNode welcome = null;
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        while (welcome == null && System.nanoTime() < deadline) {
            for (var message : sqs.receiveMessage(r -> r.queueUrl(capturedEmails).waitTimeSeconds(1)
                    .maxNumberOfMessages(10)).messages()) {
                JsonNode captured = JSON.readTree(message.body());
                if (captured.path("to").asString().equals(email)) {
                    welcome = captured;
                }
            }
        }
        assertThat(welcome).as("the welcome email in the user's SQS").isNotNull();
        assertThat(welcome.path("subject").asString()).isEqualTo("Welcome to EventSuite, Bob");
    }

    private static HttpResponse<String> post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.apiEndpoint() + path))
                .timeout(Duration.ofSeconds(90)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
