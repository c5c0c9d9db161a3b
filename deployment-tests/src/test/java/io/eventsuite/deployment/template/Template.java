package io.eventsuite.deployment.template;

import static io.eventsuite.deployment.template.Nodes.map;

import io.eventsuite.localcloud.template.CfnYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * template.yaml as data: its resources, and each function's properties as SAM sees them (Globals merged in). Read by
 * the local cloud's {@link CfnYaml}, the one template reader of the project.
 */
public final class Template {

    public static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
    public static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";

    private static Template projectTemplate;

    private final Path file;
    private final Map<String, Object> document;
    private final Map<String, Resource> resources = new LinkedHashMap<>();

    private Template(Path file, Map<String, Object> document) {
        this.file = file;
        this.document = document;
        map(document.get("Resources")).forEach((id, body) -> resources.put(id, new Resource(id, map(body))));
    }

    /** The project's template.yaml, read once per test run. */
    public static synchronized Template project() {
        if (projectTemplate == null) {
            Path file = ProjectFiles.root().resolve("template.yaml");
            projectTemplate = new Template(file, CfnYaml.load(file));
        }
        return projectTemplate;
    }

    public static Template of(String yaml) {
        return new Template(Path.of("inline.yaml"), CfnYaml.parse(yaml));
    }

    public Path file() {
        return file;
    }

    public String text() {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Object> document() {
        return document;
    }

    public Optional<Resource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    public boolean has(String logicalId, String type) {
        return resource(logicalId).filter(r -> r.type().equals(type)).isPresent();
    }

    public Stream<Resource> resources() {
        return resources.values().stream();
    }

    public Stream<Resource> ofType(String type) {
        return resources().filter(r -> r.type().equals(type));
    }

    public Stream<Resource> ofType(Predicate<String> type) {
        return resources().filter(r -> type.test(r.type()));
    }

    /** Every Lambda function: SAM's and plain CloudFormation ones. */
    public Stream<Resource> functions() {
        return ofType(t -> t.equals(SERVERLESS_FUNCTION) || t.equals(LAMBDA_FUNCTION));
    }

    public Map<String, Object> globalFunctionProperties() {
        return map(Nodes.at(document, "Globals", "Function"));
    }

    /** A function's properties with Globals.Function merged in as SAM does (only for AWS::Serverless::Function). */
    public Map<String, Object> effectiveProperties(Resource function) {
        if (!function.type().equals(SERVERLESS_FUNCTION)) {
            return function.properties();
        }
        return map(Nodes.merge(globalFunctionProperties(), function.properties()));
    }

    /** The events of a SAM function of one type (HttpApi, SQS, Schedule, ...), by name. */
    public Map<String, Map<String, Object>> events(Resource function, String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        map(function.properties().get("Events")).forEach((name, event) -> {
            if (type.equals(Nodes.at(event, "Type"))) {
                found.put(name, map(Nodes.at(event, "Properties")));
            }
        });
        return found;
    }

    /** Environment variables as deployed (Globals merged). */
    public Map<String, Object> environment(Resource function) {
        return map(Nodes.at(effectiveProperties(function), "Environment", "Variables"));
    }

    /** One resource: its logical id, type, Properties and Metadata, and the raw body (DeletionPolicy, ...). */
    public record Resource(String id, Map<String, Object> body) {

        public String type() {
            return String.valueOf(body.get("Type"));
        }

        public Map<String, Object> properties() {
            return map(body.get("Properties"));
        }

        public Map<String, Object> metadata() {
            return map(body.get("Metadata"));
        }

        public Object property(String... path) {
            return Nodes.at(properties(), path);
        }

        public List<Object> dependsOn() {
            return Nodes.list(body.get("DependsOn"));
        }
    }
}
