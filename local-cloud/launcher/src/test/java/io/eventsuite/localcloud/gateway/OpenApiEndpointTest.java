package io.eventsuite.localcloud.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GET /local/openapi.yaml serves the API's OpenAPI description")
class OpenApiEndpointTest {

    private static final Path OPENAPI = Path.of(System.getProperty("eventsuite.project.dir", "../.."), "docs",
            "openapi.yaml");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_description_is_served_as_yaml_as_it_is_in_the_repository() throws Exception {
        try (HttpApiGateway gateway = start(OPENAPI)) {
            HttpResponse<String> response = get(gateway, "/local/openapi.yaml");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/yaml");
            assertThat(response.body()).isEqualTo(Files.readString(OPENAPI));
        }
    }

    @Test
    void without_a_description_the_path_is_404() throws Exception {
        try (HttpApiGateway gateway = start(null)) {
            HttpResponse<String> response = get(gateway, "/local/openapi.yaml");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        }
    }

    private static HttpApiGateway start(Path openApi) {
        return HttpApiGateway.start(List.of(), new HttpApiGateway.Settings("127.0.0.1", 0, Map.of(), null, null,
                () -> Map.of("on", false), openApi), name -> event -> new byte[0], name -> true, line -> { });
    }

    private HttpResponse<String> get(HttpApiGateway gateway, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.endpoint() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
