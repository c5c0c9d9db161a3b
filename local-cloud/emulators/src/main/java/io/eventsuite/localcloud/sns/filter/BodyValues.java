package io.eventsuite.localcloud.sns.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Scope {@code MessageBody}: the body is a JSON object and a key path walks into it. Arrays anywhere on the path are
 * flattened, as SNS does, so {@code {"a": [{"b": 1}, {"b": 2}]}} holds both 1 and 2 under {@code a.b}.
 */
final class BodyValues implements MessageValues {

    private final JsonNode root;

    private BodyValues(JsonNode root) {
        this.root = root;
    }

    /** Empty when the body is not a JSON object: such a body matches no policy, not even {@code exists: false}. */
    static Optional<BodyValues> parse(String body) {
        JsonNode root;
        try {
            root = body == null ? null : PolicyJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new BodyValues(root));
    }

    @Override
    public Values at(List<String> path) {
        List<Leaf> leaves = new ArrayList<>();
        collect(root, path, 0, leaves);
        return Values.of(leaves);
    }

    private static void collect(JsonNode node, List<String> path, int index, List<Leaf> out) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, path, index, out);
            }
            return;
        }
        if (index == path.size()) {
            if (!node.isObject()) {
                out.add(Leaf.of(node));
            }
            return;
        }
        if (node.isObject()) {
            collect(node.get(path.get(index)), path, index + 1, out);
        }
    }
}
