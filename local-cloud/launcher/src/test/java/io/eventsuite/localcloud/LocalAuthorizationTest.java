package io.eventsuite.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.localcloud.template.SamTemplate;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What env.json gives each function so that it verifies dev tokens itself under sam local start-api. */
@DisplayName("sam local: the token check's settings in env.json")
class LocalAuthorizationTest {

    private static final Path TEMPLATE = Path.of(System.getProperty("eventsuite.project.dir", "../.."), "template.yaml");
    private final SamTemplate template = SamTemplate.load(TEMPLATE);

    @Test
    void a_route_function_gets_the_dev_issuer_and_the_scope_its_route_requires_in_the_template() {
        assertThat(LocalAuthorization.samLocalJavaOptions(template.function("PlaceOrderFunction"),
                "http://127.0.0.1:3000/local", "UserPoolClient")).containsExactly(
                "-Deventsuite.local-auth.jwks-uri=http://127.0.0.1:3000/local/jwks.json",
                "-Deventsuite.local-auth.issuer=http://127.0.0.1:3000/local",
                "-Deventsuite.local-auth.audience=UserPoolClient",
                "-Deventsuite.local-auth.route-scopes=eventsuite/orders");
        assertThat(LocalAuthorization.samLocalJavaOptions(template.function("GetUserFunction"),
                "http://127.0.0.1:3000/local", "UserPoolClient").getLast())
                .isEqualTo("-Deventsuite.local-auth.route-scopes=eventsuite/users");
    }

    @Test
    void a_consumer_gets_none() {
        assertThat(LocalAuthorization.samLocalJavaOptions(template.function("SendNotificationsFunction"),
                "http://127.0.0.1:3000/local", "UserPoolClient")).isEmpty();
    }
}
