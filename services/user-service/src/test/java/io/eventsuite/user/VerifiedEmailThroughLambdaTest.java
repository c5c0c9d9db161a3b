package io.eventsuite.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.domain.common.UserId;
import io.eventsuite.domain.event.UserRegistered;
import io.eventsuite.domain.event.UserUpdated;
import io.eventsuite.platform.testing.ApiGatewayV2Events;
import io.eventsuite.platform.testing.HttpAnswer;
import io.eventsuite.platform.testing.LambdaEntryPoint;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A user's address is the one their token proves they own ({@code email} with {@code email_verified} "true"):
 * otherwise anyone could sign up and make the suite send mail to a stranger. Through the real Lambda entry
 * point, with the claims as API Gateway passes them (strings).
 */
@DisplayName("only a verified email through FunctionInvoker")
class VerifiedEmailThroughLambdaTest {

    private static final String PROBLEM = "urn:eventsuite:problem:email-not-verified";

    private final UserServiceWithFakes.Fakes fakes = UserServiceWithFakes.freshFakes();
    private final LambdaEntryPoint lambda = LambdaEntryPoint.of(UserServiceWithFakes.class);
    private final String sub = "user-" + UUID.randomUUID();

    @Test
    void registering_with_the_tokens_verified_email_is_201() {
        HttpAnswer answer = lambda.http("registerUser", post().as(sub).verifiedEmail("alice@example.com").jsonBody(ALICE));

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void the_verified_email_matches_whatever_the_case_of_its_letters() {
        HttpAnswer answer = lambda.http("registerUser", post().as(sub).verifiedEmail("Alice@Example.COM").jsonBody(ALICE));

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void registering_someone_elses_address_is_403_and_writes_and_sends_nothing() {
        HttpAnswer answer = lambda.http("registerUser", post().as(sub).verifiedEmail("mallory@example.com")
                .jsonBody(ALICE));

        assertRefused(answer, "mallory");
        assertThat(fakes.users().findById(new UserId(sub))).isEmpty();
        assertThat(fakes.publisher().publishedOfType(UserRegistered.class))
                .noneMatch(e -> e.userId().value().equals(sub));
    }

    @Test
    void a_token_without_an_email_claim_is_refused_clearly() {
        HttpAnswer answer = lambda.http("registerUser", post().as(sub).jsonBody(ALICE));

        assertRefused(answer, null);
        assertThat(answer.body().path("detail").asString()).contains("no verified email");
    }

    @Test
    void an_email_the_token_says_is_not_verified_is_refused() {
        HttpAnswer answer = lambda.http("registerUser", post().as(sub).emailClaims("alice@example.com", "false")
                .jsonBody(ALICE));

        assertRefused(answer, null);
        assertThat(fakes.users().findById(new UserId(sub))).isEmpty();
    }

    @Test
    void changing_the_address_to_one_the_token_does_not_prove_is_403_and_changes_nothing() {
        lambda.http("registerUser", post().as(sub).verifiedEmail("alice@example.com").jsonBody(ALICE));

        HttpAnswer answer = lambda.http("updateUser", patch().as(sub).verifiedEmail("alice@example.com")
                .header("If-Match", "\"1\"").jsonBody("{\"email\":\"victim@example.com\"}"));

        assertRefused(answer, "victim");
        assertThat(fakes.users().findById(new UserId(sub)).orElseThrow().email().value())
                .isEqualTo("alice@example.com");
        assertThat(fakes.publisher().publishedOfType(UserUpdated.class))
                .noneMatch(e -> e.userId().value().equals(sub));
    }

    @Test
    void changing_the_address_to_the_newly_verified_one_is_200() {
        lambda.http("registerUser", post().as(sub).verifiedEmail("alice@example.com").jsonBody(ALICE));

        HttpAnswer answer = lambda.http("updateUser", patch().as(sub).verifiedEmail("alice@new.example.com")
                .header("If-Match", "\"1\"").jsonBody("{\"email\":\"alice@new.example.com\"}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("email").asString()).isEqualTo("alice@new.example.com");
    }

    @Test
    void a_change_that_leaves_the_address_alone_needs_no_email_claim() {
        lambda.http("registerUser", post().as(sub).verifiedEmail("alice@example.com").jsonBody(ALICE));

        HttpAnswer answer = lambda.http("updateUser", patch().as(sub).header("If-Match", "\"1\"")
                .jsonBody("{\"displayName\":\"Alice L.\"}"));

        assertThat(answer.status()).isEqualTo(200);
    }

    private static void assertRefused(HttpAnswer answer, String addressNotToEcho) {
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.problemType()).isEqualTo(PROBLEM);
        if (addressNotToEcho != null) {
            assertThat(answer.rawBody()).doesNotContain(addressNotToEcho);
        }
    }

    private static final String ALICE = """
            {"displayName":"Alice","email":"alice@example.com"}""";

    private static ApiGatewayV2Events post() {
        return ApiGatewayV2Events.request("POST", "/users", "/users");
    }

    private ApiGatewayV2Events patch() {
        return ApiGatewayV2Events.request("PATCH", "/users/{id}", "/users/" + sub).pathParameter("id", sub);
    }
}
