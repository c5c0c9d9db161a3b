package io.eventsuite.localcloud.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.localcloud.template.SamTemplate;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/** What {@code local-cloud/env.json} gives {@code sam local} for a function: never the user's own AWS secrets. */
@DisplayName("sam local's env.json")
class SamEnvironmentTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(
            Path.of(System.getProperty("eventsuite.project.dir", "../.."), "template.yaml"));
    private static final ProvisionedStack.Endpoints ENDPOINTS = new ProvisionedStack.Endpoints(
            URI.create("http://localhost:4566"), URI.create("http://localhost:4566"), URI.create("http://localhost:4566"));

    @Test
    void the_emulators_credentials_travel_in_it() {
        Map<String, String> env = samEnvironment(AwsBasicCredentials.create("local", "local"));

        assertThat(env).containsEntry("AWS_ACCESS_KEY_ID", "local").containsEntry("AWS_SECRET_ACCESS_KEY", "local");
        assertThat(env.get("JAVA_TOOL_OPTIONS")).contains("-Daws.accessKeyId=local -Daws.secretAccessKey=local");
    }

    @Test
    void the_users_own_credentials_stay_out_of_the_file_sam_local_passes_them_itself() {
        Map<String, String> env = samEnvironment(AwsBasicCredentials.create("AKIAEXAMPLEUSERKEY", "users-secret"));

        assertThat(env).doesNotContainKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
        assertThat(env.values()).noneMatch(value -> value.contains("users-secret") || value.contains("AKIAEXAMPLE"));
        assertThat(env).containsEntry("AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:4566");
    }

    private static Map<String, String> samEnvironment(AwsCredentials credentials) {
        ProvisionedStack stack = new ProvisionedStack(TEMPLATE, "us-east-1", ENDPOINTS, credentials, warning -> { });
        stack.capturedEmailQueueUrl = "http://localhost:4566/000000000000/captured-email";
        return stack.samEnvironment(TEMPLATE.function("PlaceOrderFunction"));
    }
}
