package io.eventsuite.adapters.dynamodb;

import io.eventsuite.domain.common.IndexLag;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The real client with three test powers: run a concurrent change just before the n-th next call of an operation
 * (to interleave another writer between an adapter's steps); answer a failed PutItem condition with the old
 * item as AWS does for {@code ReturnValuesOnConditionCheckFailure.ALL_OLD}, which dynalite ignores; and let a
 * global secondary index trail its table as on AWS (dynalite's indexes are consistent at once), hiding named items
 * from index queries until {@link #indexSettling()} is waited out.
 */
final class InterceptingDynamoDbClient implements DynamoDbClient {

    private record Hook(String operation, int[] countdown, Runnable change) {
    }

    private final DynamoDbClient delegate;
    private final Deque<Hook> hooks = new ArrayDeque<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile boolean returnOldItemOnConditionFailure;
    private final Set<String> notYetIndexed = ConcurrentHashMap.newKeySet();

    InterceptingDynamoDbClient(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code change} just before the {@code nth} next call of {@code operation}. */
    synchronized InterceptingDynamoDbClient before(String operation, int nth, Runnable change) {
        hooks.add(new Hook(operation, new int[] {nth}, change));
        return this;
    }

    InterceptingDynamoDbClient returningOldItemOnConditionFailure() {
        returnOldItemOnConditionFailure = true;
        return this;
    }

    /** Index queries do not list the item with this {@code id} until the index settles. */
    InterceptingDynamoDbClient indexLagsBehind(String id) {
        notYetIndexed.add(id);
        return this;
    }

    /** The index catching up with the table: every item becomes visible to index queries. */
    IndexLag indexSettling() {
        return notYetIndexed::clear;
    }

    /** The operations called so far, in order ("GetItem", "PutItem", ...). */
    List<String> calls() {
        return List.copyOf(calls);
    }

    private <T> T call(String operation, Supplier<T> invocation) {
        calls.add(operation);
        Runnable due = null;
        synchronized (this) {
            for (Hook hook : hooks) {
                if (hook.operation().equals(operation) && --hook.countdown()[0] == 0) {
                    due = hook.change();
                    hooks.remove(hook);
                    break;
                }
            }
        }
        if (due != null) {
            due.run();
        }
        return invocation.get();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return call("GetItem", () -> delegate.getItem(request));
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return call("PutItem", () -> {
            try {
                return delegate.putItem(request);
            } catch (ConditionalCheckFailedException failed) {
                boolean allOld = request.returnValuesOnConditionCheckFailure()
                        == ReturnValuesOnConditionCheckFailure.ALL_OLD;
                if (returnOldItemOnConditionFailure && allOld) {
                    Map<String, AttributeValue> key = Map.copyOf(request.item());
                    GetItemResponse old = delegate.getItem(b -> b.tableName(request.tableName()).consistentRead(true)
                            .key(keyOf(request.tableName(), key)));
                    throw ConditionalCheckFailedException.builder().message(failed.getMessage())
                            .item(old.item()).build();
                }
                throw failed;
            }
        });
    }

    private Map<String, AttributeValue> keyOf(String table, Map<String, AttributeValue> item) {
        String hash = delegate.describeTable(b -> b.tableName(table)).table().keySchema().getFirst().attributeName();
        return Map.of(hash, item.get(hash));
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return call("UpdateItem", () -> delegate.updateItem(request));
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return call("DeleteItem", () -> delegate.deleteItem(request));
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return call("Query", () -> {
            QueryResponse response = delegate.query(request);
            if (request.indexName() == null || notYetIndexed.isEmpty()) {
                return response;
            }
            return response.toBuilder().items(response.items().stream()
                    .filter(item -> !item.containsKey("id") || !notYetIndexed.contains(item.get("id").s()))
                    .toList()).build();
        });
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        return call("BatchWriteItem", () -> delegate.batchWriteItem(request));
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        // the delegate belongs to the test class
    }
}
