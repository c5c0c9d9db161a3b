package io.eventsuite.deployment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.deployment.template.ProjectFiles;
import io.eventsuite.deployment.template.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

@DisplayName("docs/openapi.yaml describes the template's HTTP API")
class OpenApiMatchesTheTemplateTest {

    @Test
    @DisplayName("every HttpApi route of the template is an operation with the same method, path and scopes; nothing more")
    void theProjectsOpenApiDescribesExactlyTheTemplatesRoutes() throws IOException {
        Map<String, Object> spec = new Yaml().load(Files.readString(ProjectFiles.root().resolve("docs/openapi.yaml")));

        OpenApiRules.operationsAreTheTemplatesRoutes(Template.project(), spec).assertPassed();
    }

    @Test
    void aMissingRouteAnExtraOperationAndAnotherScopeAreCaught() {
        Template template = Template.of("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        List:
                          Type: HttpApi
                          Properties: {ApiId: !Ref Api, Method: GET, Path: /orders, Auth: {AuthorizationScopes: [suite/orders]}}
                        Read:
                          Type: HttpApi
                          Properties: {ApiId: !Ref Api, Method: GET, Path: "/orders/{id}", Auth: {AuthorizationScopes: [suite/orders]}}
                """);
        Map<String, Object> spec = new Yaml().load("""
                components:
                  securitySchemes:
                    cognito: {type: oauth2}
                paths:
                  /orders:
                    get:
                      security: [{cognito: [suite/users]}]
                    post:
                      security: [{cognito: [suite/orders]}]
                """);

        assertThat(OpenApiRules.operationsAreTheTemplatesRoutes(template, spec).violations()).containsExactly(
                "GET /orders: docs/openapi.yaml requires scopes [suite/users], the template [suite/orders]",
                "GET /orders/{id}: is a route of the template but no operation of docs/openapi.yaml",
                "POST /orders: is an operation of docs/openapi.yaml but no route of the template");
    }
}
