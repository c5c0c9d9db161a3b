package io.eventsuite.domain.event;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas are the contract other teams code against, the records are what this module produces:
 * these tests keep the two from drifting apart. (Validating producers' JSON against the schemas is done
 * where the JSON is written, in the platform.)
 */
class EventSchemasTest {

    @Test
    @DisplayName("each type has a draft 2020-12 schema describing the whole structured-mode CloudEvent")
    void each_type_has_a_cloud_event_schema() {
        assertThat(EventTypes.ALL).allSatisfy(EventSchemasTest::describesTheWholeCloudEvent);
    }

    @Test
    @DisplayName("each schema's data has exactly the record's components, camelCase, all required, nothing else")
    void each_schema_data_matches_its_record() {
        assertThat(EventTypes.ALL).allSatisfy(type -> assertMatches(EventTypes.dataClassOf(type).orElseThrow(),
                map(map(schemaOf(type), "properties"), "data"), schemaOf(type), type + ".data"));
    }

    private static void describesTheWholeCloudEvent(String type) {
        Map<String, Object> schema = schemaOf(type);

        assertThat(schema).containsEntry("$schema", "https://json-schema.org/draft/2020-12/schema");
        assertThat(list(schema, "required")).containsExactlyInAnyOrder(
                "specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data");
        Map<String, Object> properties = map(schema, "properties");
        assertThat(map(properties, "specversion")).containsEntry("const", "1.0");
        assertThat(map(properties, "type")).containsEntry("const", type);
        assertThat(map(properties, "datacontenttype")).containsEntry("const", "application/json");
        assertThat(map(properties, "time")).containsEntry("format", "date-time");
        assertThat(map(properties, "traceparent")).containsEntry("type", "string");
        assertThat(map(properties, "correlationid")).containsEntry("type", "string");
        assertThat(map(properties, "source").get("const")).isIn(EventSources.USERS, EventSources.ORDERS);
    }

    private static void assertMatches(Class<?> record, Map<String, Object> node, Map<String, Object> root, String path) {
        Map<String, Object> resolved = resolve(node, root);
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(resolved).as(path).containsEntry("type", "object").containsEntry("additionalProperties", false);
        assertThat(map(resolved, "properties").keySet()).as(path).containsExactlyElementsOf(components);
        assertThat(list(resolved, "required")).as(path).containsExactlyElementsOf(components);
        for (RecordComponent component : record.getRecordComponents()) {
            Map<String, Object> property = resolve(map(map(resolved, "properties"), component.getName()), root);
            assertType(component.getType(), component.getGenericType(), property, root, path + "." + component.getName());
        }
    }

    private static void assertType(Class<?> type, Type generic, Map<String, Object> property, Map<String, Object> root,
                                   String path) {
        if (type == String.class || isSingleValued(type)) {
            assertThat(property).as(path).containsEntry("type", "string");
        } else if (type == long.class || type == int.class) {
            assertThat(property).as(path).containsEntry("type", "integer");
        } else if (type == boolean.class) {
            assertThat(property).as(path).containsEntry("type", "boolean");
        } else if (type == List.class) {
            assertThat(property).as(path).containsEntry("type", "array");
            Class<?> element = (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
            assertMatches(element, map(property, "items"), root, path + "[]");
        } else if (type.isRecord()) {
            assertMatches(type, property, root, path);
        } else {
            throw new AssertionError(path + ": no JSON mapping known for " + type);
        }
    }

    /** Ids and emails travel as plain strings: records with one {@code value} component. */
    private static boolean isSingleValued(Class<?> type) {
        return type.isRecord() && type.getRecordComponents().length == 1
                && type.getRecordComponents()[0].getName().equals("value");
    }

    private static Map<String, Object> resolve(Map<String, Object> node, Map<String, Object> root) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        assertThat((String) ref).startsWith("#/$defs/");
        return map(map(root, "$defs"), ((String) ref).substring("#/$defs/".length()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> schemaOf(String type) {
        try (InputStream in = EventSchemasTest.class.getClassLoader().getResourceAsStream(EventTypes.schemaResource(type))) {
            assertThat(in).as("schema resource for " + type).isNotNull();
            return (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> node, String key) {
        assertThat(node).containsKey(key);
        return (Map<String, Object>) node.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> node, String key) {
        assertThat(node).containsKey(key);
        return (List<Object>) node.get(key);
    }
}
