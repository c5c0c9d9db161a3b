package io.eventsuite.localcloud.template;

import static io.eventsuite.localcloud.template.TemplateValues.list;
import static io.eventsuite.localcloud.template.TemplateValues.map;

import io.eventsuite.localcloud.template.SamTemplate.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/**
 * Builds a {@link Table} from an {@code AWS::DynamoDB::Table}: attributes, key schema and indexes as SDK models, so
 * the table can be created locally exactly as declared.
 */
final class TableReader {

    private final TemplateValues values;

    TableReader(TemplateValues values) {
        this.values = values;
    }

    Table read(String id, Map<String, Object> p) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object a : list(p.get("AttributeDefinitions"))) {
            Map<String, Object> attr = map(a);
            attributes.add(AttributeDefinition.builder().attributeName(values.string(attr.get("AttributeName")))
                    .attributeType(values.string(attr.get("AttributeType"))).build());
        }
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (Object i : list(p.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> index = map(i);
            gsis.add(GlobalSecondaryIndex.builder().indexName(values.string(index.get("IndexName")))
                    .keySchema(keySchema(index.get("KeySchema"))).projection(projection(index.get("Projection")))
                    .build());
        }
        List<LocalSecondaryIndex> lsis = new ArrayList<>();
        for (Object i : list(p.get("LocalSecondaryIndexes"))) {
            Map<String, Object> index = map(i);
            lsis.add(LocalSecondaryIndex.builder().indexName(values.string(index.get("IndexName")))
                    .keySchema(keySchema(index.get("KeySchema"))).projection(projection(index.get("Projection")))
                    .build());
        }
        String name = Optional.ofNullable(values.string(p.get("TableName"))).orElse(id);
        return new Table(id, name, List.copyOf(attributes), keySchema(p.get("KeySchema")), List.copyOf(gsis),
                List.copyOf(lsis));
    }

    private List<KeySchemaElement> keySchema(Object value) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object k : list(value)) {
            Map<String, Object> key = map(k);
            keys.add(KeySchemaElement.builder().attributeName(values.string(key.get("AttributeName")))
                    .keyType(values.string(key.get("KeyType"))).build());
        }
        return List.copyOf(keys);
    }

    private Projection projection(Object value) {
        Map<String, Object> p = map(value);
        List<String> nonKey = values.strings(p.get("NonKeyAttributes"));
        return Projection.builder()
                .projectionType(Optional.ofNullable(values.string(p.get("ProjectionType"))).orElse("ALL"))
                .nonKeyAttributes(nonKey.isEmpty() ? null : nonKey).build();
    }
}
