package io.eventsuite.platform.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The HTTP API's contract, {@code docs/openapi.yaml}, applied to answers: the operation must document the status,
 * every header it marks required must be there and every header sent must be documented (values valid against
 * their schemas), the media type must be one it lists and the body valid against that schema. Schemas are checked
 * by networknt's JSON Schema validator with the OpenAPI 3.1 dialect, {@code $ref}s resolved inside the document.
 */
public final class OpenApiContract {

    /** The document's base URI inside the validator; nothing is fetched from it. */
    private static final String BASE = "https://eventsuite.invalid/openapi.yaml";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile OpenApiContract project;

    private final JsonNode spec;
    private final SchemaRegistry schemas;

    private OpenApiContract(String yaml) {
        this.spec = YAMLMapper.builder().build().readTree(yaml);
        String json = JSON.writeValueAsString(spec);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(BASE, json)));
    }

    /** The project's {@code docs/openapi.yaml}, found from wherever the tests run. */
    public static OpenApiContract project() {
        if (project == null) {
            project = of(file());
        }
        return project;
    }

    public static OpenApiContract of(Path file) {
        try {
            return new OpenApiContract(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("openapi.yaml");
            if (Files.isRegularFile(candidate) && Files.isRegularFile(dir.resolve("template.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/openapi.yaml beside template.yaml above " + Path.of("").toAbsolutePath());
    }

    public JsonNode document() {
        return spec;
    }

    /** Fails with every way {@code answer} breaks the contract of {@code routeKey} (such as {@code GET /orders/{id}}). */
    public void assertConforms(String routeKey, HttpAnswer answer) {
        List<String> problems = violations(routeKey, answer);
        if (!problems.isEmpty()) {
            throw new AssertionError("the answer of " + routeKey + " (" + answer.status() + ") breaks docs/openapi.yaml:\n  - "
                    + String.join("\n  - ", problems) + "\n  answer headers " + new TreeMap<>(answer.headers())
                    + "\n  body " + answer.rawBody());
        }
    }

    public List<String> violations(String routeKey, HttpAnswer answer) {
        String[] parts = routeKey.split(" ", 2);
        String pointer = "/paths/" + escape(parts[1]) + "/" + parts[0].toLowerCase(Locale.ROOT);
        if (spec.at(pointer).isMissingNode()) {
            return List.of("no operation " + routeKey);
        }
        String responsePointer = pointer + "/responses/" + answer.status();
        if (spec.at(responsePointer).isMissingNode()) {
            return List.of("status " + answer.status() + " is not documented for " + routeKey);
        }
        responsePointer = resolved(responsePointer);
        JsonNode response = spec.at(responsePointer);
        List<String> problems = new ArrayList<>();
        checkHeaders(responsePointer, response, answer, problems);
        checkBody(responsePointer, response, answer, problems);
        return problems;
    }

    private void checkHeaders(String responsePointer, JsonNode response, HttpAnswer answer, List<String> problems) {
        Map<String, String> sent = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sent.putAll(answer.headers());
        Map<String, String> documented = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.path("headers").propertyNames().forEach(name -> documented.put(name,
                resolved(responsePointer + "/headers/" + escape(name))));
        documented.forEach((name, headerPointer) -> {
            String value = sent.get(name);
            if (value == null) {
                if (spec.at(headerPointer).path("required").asBoolean(false)) {
                    problems.add("header " + name + " is required");
                }
                return;
            }
            errors(headerPointer + "/schema", StringNode.valueOf(value))
                    .forEach(e -> problems.add("header " + name + e));
        });
        sent.keySet().stream().filter(name -> !name.equalsIgnoreCase("Content-Type") && !documented.containsKey(name))
                .forEach(name -> problems.add("header " + name + " is not documented"));
    }

    private void checkBody(String responsePointer, JsonNode response, HttpAnswer answer, List<String> problems) {
        JsonNode content = response.path("content");
        String mediaType = Optional.ofNullable(answer.header("Content-Type")).map(t -> t.split(";")[0].strip())
                .orElse(null);
        if (content.isMissingNode() || content.isEmpty()) {
            if (answer.rawBody() != null && !answer.rawBody().isEmpty()) {
                problems.add("a body, where none is documented");
            }
            return;
        }
        if (mediaType == null || !content.has(mediaType)) {
            problems.add("Content-Type " + mediaType + " is not one of " + content.propertyNames());
            return;
        }
        if (answer.body() == null) {
            problems.add("no body, where " + mediaType + " is documented");
            return;
        }
        errors(responsePointer + "/content/" + escape(mediaType) + "/schema", answer.body())
                .forEach(e -> problems.add("body" + e));
    }

    /** Each error as {@code <instance location>: <message>}, the location a JSON pointer ("" for the whole value). */
    private List<String> errors(String schemaPointer, JsonNode value) {
        Schema schema = schemas.getSchema(SchemaLocation.of(BASE + "#" + schemaPointer));
        return schema.validate(JSON.writeValueAsString(value), InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** Follows {@code $ref}s (to components) from a pointer in the document. */
    private String resolved(String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 10; hops++) {
            JsonNode ref = spec.at(current).path("$ref");
            if (!ref.isString()) {
                return current;
            }
            current = ref.asString().substring(1);
        }
        throw new IllegalStateException("$ref cycle at " + pointer);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
