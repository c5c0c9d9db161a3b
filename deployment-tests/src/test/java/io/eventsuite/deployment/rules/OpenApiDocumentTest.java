package io.eventsuite.deployment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.deployment.template.ProjectFiles;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a client's tooling (generators, Swagger UI) reads: a valid OpenAPI 3.1 document whose references resolve. */
@DisplayName("docs/openapi.yaml is a valid OpenAPI 3.1 document")
class OpenApiDocumentTest {

    @Test
    void theDescriptionParsesAsOpenApi31WithoutAMessageAndEveryReferenceResolves() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(
                Files.readString(ProjectFiles.root().resolve("docs/openapi.yaml")), null, options);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(parsed.getOpenAPI().getPaths().keySet())
                .containsExactly("/users", "/users/{id}", "/orders", "/orders/{id}", "/orders/{id}/cancel", "/notifications");
    }

    @Test
    void aMisspelledMemberIsReported() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents("""
                openapi: 3.1.0
                info: {title: t, version: '1'}
                paths:
                  /x:
                    get:
                      responses:
                        '200':
                          description: ok
                          header: {}
                """, null, new ParseOptions());

        assertThat(parsed.getMessages()).containsExactly("attribute paths.'/x'(get).responses.200.header is unexpected");
    }
}
