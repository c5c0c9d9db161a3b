package io.eventsuite.platform.http;

import io.eventsuite.domain.idempotency.Execution;
import io.eventsuite.domain.idempotency.IdempotentExecution;
import io.eventsuite.domain.idempotency.RequestKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} header on POSTs that create something (IETF draft "The Idempotency-Key HTTP
 * Header Field"): a retry with the same key and the same request gets the first response again, marked
 * {@code Idempotent-Replayed: true}; the same key with another request is refused with 422; a retry while
 * the first is still running gets 409. Without the header the route runs as usual.
 *
 * <p>Keys are scoped per caller and route, so one user's key can never replay another user's response.
 * The fingerprint covers the route, path and body. What the handler answers (2xx, and business outcomes such
 * as 409) is stored and replayed. A request refused as malformed or invalid before the use case ran releases the
 * key, so the client may correct it under the same key. Any other failure (a 500) may come after a write
 * committed, so the key stays claimed until its lock expires (meanwhile a retry gets 409 in progress); the retry
 * after that runs the route again, and the handler finds its own earlier write through
 * {@link HttpRequest#requestKey()}.
 */
public final class IdempotencyKeyContract {

    public static final String HEADER = "idempotency-key";

    private final IdempotentExecution execution;
    private final JsonMapper json;

    public IdempotencyKeyContract(IdempotentExecution execution, JsonMapper json) {
        this.execution = execution;
        this.json = json;
    }

    public RouteHandler around(RouteHandler handler) {
        return request -> request.header(HEADER)
                .map(key -> runOnce(key, request, handler))
                .orElseGet(() -> handler.handle(request));
    }

    private HttpResponse runOnce(String key, HttpRequest request, RouteHandler handler) {
        String scopedKey = request.caller().id().value() + "|" + request.routeKey() + "|" + key;
        String fingerprint = sha256(request.routeKey() + "\n" + request.path() + "\n" + request.rawBody());
        HttpRequest keyed = request.withRequestKey(RequestKey.of(scopedKey, fingerprint));
        Execution outcome = execution.run(scopedKey, fingerprint, () -> store(handler.handle(keyed)));
        return switch (outcome) {
            case Execution.Fresh fresh -> restore(fresh.result());
            case Execution.Replayed replayed -> restore(replayed.result()).withHeader("Idempotent-Replayed", "true");
            case Execution.Rejected(Execution.Reason reason) -> switch (reason) {
                case IN_PROGRESS -> HttpResponse.problem(ProblemType.IDEMPOTENCY_IN_PROGRESS,
                        "the first request with this Idempotency-Key has not finished; retry shortly");
                case KEY_REUSED_WITH_DIFFERENT_REQUEST -> HttpResponse.problem(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was already used with a different request; use a new key");
            };
        };
    }

    /** A response as stored: status, the handler's headers, and the body already rendered to JSON. */
    private record StoredResponse(int status, Map<String, String> headers, JsonNode body, boolean problem) {
    }

    private String store(HttpResponse response) {
        Object body = response.body();
        boolean problem = body instanceof Problem;
        JsonNode tree = body == null ? null : json.valueToTree(problem ? ProblemBody.of((Problem) body) : body);
        return json.writeValueAsString(new StoredResponse(response.status(), response.headers(), tree, problem));
    }

    private HttpResponse restore(String stored) {
        StoredResponse response = json.readValue(stored, StoredResponse.class);
        Object body = response.problem() ? toProblem(response.body()) : response.body();
        return new HttpResponse(response.status(), response.headers(), body);
    }

    private Problem toProblem(JsonNode body) {
        ProblemBody problem = json.treeToValue(body, ProblemBody.class);
        ProblemType type = java.util.Arrays.stream(ProblemType.values())
                .filter(t -> t.uri().equals(problem.type()))
                .findFirst()
                .orElse(ProblemType.INTERNAL);
        return new Problem(type, problem.detail(), null, problem.errors());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
