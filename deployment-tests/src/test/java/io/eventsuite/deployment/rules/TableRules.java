package io.eventsuite.deployment.rules;

import static io.eventsuite.deployment.template.Nodes.at;
import static io.eventsuite.deployment.template.Nodes.isTrue;
import static io.eventsuite.deployment.template.Nodes.list;

import io.eventsuite.deployment.template.Template;
import io.eventsuite.deployment.template.Template.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DynamoDB tables: durable, encrypted, on demand, and shaped as the adapters expect. */
final class TableRules {

    static final String TABLE = "AWS::DynamoDB::Table";

    record Index(String hash, String range) {
        static Index of(String hash, String range) {
            return new Index(hash, range);
        }
    }

    record Shape(String hash, Map<String, Index> indexes, boolean expires) {
    }

    /** The adapters' contract: every attribute a key uses is a string. */
    static final Map<String, Shape> CONTRACT = Map.of(
            "UsersTable", new Shape("id", Map.of("pending-events", Index.of("outboxState", "pendingSince")), true),
            "OrdersTable", new Shape("id", Map.of(
                    "by-customer", Index.of("customerId", "placedAt"),
                    "pending-events", Index.of("outboxState", "pendingSince")), false),
            "NotificationsTable", new Shape("id", Map.of("by-recipient", Index.of("recipientId", "createdAt")), false),
            "RecipientsTable", new Shape("id", Map.of(), false),
            "IdempotencyTable", new Shape("key", Map.of(), true));

    private TableRules() {
    }

    static RuleCheck tablesAreDurable(Template template) {
        RuleCheck check = RuleCheck.rule("tables-are-durable",
                "every table is on-demand, point-in-time recoverable, encrypted, and kept when the stack is deleted or"
                        + " the table replaced");
        template.ofType(TABLE).forEach(table -> {
            String id = table.id();
            check.require("PAY_PER_REQUEST".equals(table.property("BillingMode")), id, "BillingMode must be PAY_PER_REQUEST");
            check.require(isTrue(table.property("PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled")), id,
                    "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled must be true");
            check.require(isTrue(table.property("SSESpecification", "SSEEnabled")), id, "SSESpecification.SSEEnabled must be true");
            check.require("Retain".equals(table.body().get("DeletionPolicy")), id, "DeletionPolicy must be Retain");
            check.require("Retain".equals(table.body().get("UpdateReplacePolicy")), id, "UpdateReplacePolicy must be Retain");
            Object ttl = table.property("TimeToLiveSpecification");
            if (ttl != null) {
                check.require("expiresAt".equals(at(ttl, "AttributeName")) && isTrue(at(ttl, "Enabled")), id,
                        "TimeToLiveSpecification must be enabled on the attribute expiresAt");
            }
        });
        return check;
    }

    static RuleCheck tablesMatchTheAdapterContract(Template template) {
        RuleCheck check = RuleCheck.rule("tables-match-the-adapter-contract",
                "the repositories written against this contract find the keys, indexes and TTL they use");
        CONTRACT.forEach((id, shape) -> {
            var table = template.resource(id).filter(r -> r.type().equals(TABLE));
            if (table.isEmpty()) {
                check.violation(id, "no such " + TABLE);
                return;
            }
            Map<String, String> types = new LinkedHashMap<>();
            list(table.get().property("AttributeDefinitions")).forEach(a ->
                    types.put(String.valueOf(at(a, "AttributeName")), String.valueOf(at(a, "AttributeType"))));
            check.require(keys(table.get().property("KeySchema")).equals(Index.of(shape.hash(), null)), id,
                    "KeySchema must be just the hash key " + shape.hash());
            Map<String, Index> indexes = new LinkedHashMap<>();
            list(table.get().property("GlobalSecondaryIndexes")).forEach(gsi ->
                    indexes.put(String.valueOf(at(gsi, "IndexName")), keys(at(gsi, "KeySchema"))));
            check.require(indexes.equals(shape.indexes()), id, "GlobalSecondaryIndexes must be " + shape.indexes() + ", are " + indexes);
            types.forEach((attribute, type) -> check.require("S".equals(type), id, "key attribute " + attribute + " must be S"));
            check.require(shape.expires() == (table.get().property("TimeToLiveSpecification") != null), id,
                    shape.expires() ? "items expire: TTL on expiresAt is missing" : "has a TTL the contract does not expect");
        });
        return check;
    }

    private static Index keys(Object keySchema) {
        String hash = null;
        String range = null;
        for (Object key : list(keySchema)) {
            if ("HASH".equals(at(key, "KeyType"))) {
                hash = String.valueOf(at(key, "AttributeName"));
            } else if ("RANGE".equals(at(key, "KeyType"))) {
                range = String.valueOf(at(key, "AttributeName"));
            }
        }
        return new Index(hash, range);
    }

    static List<Resource> tables(Template template) {
        return template.ofType(TABLE).toList();
    }
}
