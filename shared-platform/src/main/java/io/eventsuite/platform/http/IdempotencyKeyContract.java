package io.eventsuite.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventsuite.domain.idempotency.Execution;
import io.eventsuite.domain.idempotency.IdempotentExecution;
import io.eventsuite.domain.idempotency.RequestKey;
import io.eventsuite.domain.idempotency.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
 *
 * <p>The stored responses must hold no personal data: the records are kept for their retention whatever happens
 * to the person, and each function may touch only its own records, so an erasure cannot reach them. A route whose
 * successful answer shows personal data is wrapped with {@link #around(RouteHandler, RouteHandler)}: of a 2xx only
 * the status and headers are stored, and a replay renders the body (and the headers it sets, such as ETag) from the
 * resource as it is now; when that is gone (erased), the replay is the problem the current view answers (404).
 */
public final class IdempotencyKeyContract {

    /** The header a replayed answer carries. */
    static final String REPLAYED = "Idempotent-Replayed";

    public static final String HEADER = "idempotency-key";

    private final IdempotentExecution execution;
    private final JsonMapper json;

    public IdempotencyKeyContract(IdempotentExecution execution, JsonMapper json) {
        this.execution = execution;
        this.json = json;
    }

    /** For a route whose answers hold no personal data: the whole response is stored and replayed. */
    public RouteHandler around(RouteHandler handler) {
        return wrap(handler, null);
    }

    /**
     * For a route whose successful answer shows personal data: a 2xx is stored without its body, and a replay takes
     * the body and the headers {@code currentView} sets from it (problems are stored and replayed whole).
     *
     * @param currentView answers the resource the route created or changed as it is now, for the replaying request
     *                    (the same caller and body as the first); its problem (404 once erased) is the replay's answer
     */
    public RouteHandler around(RouteHandler handler, RouteHandler currentView) {
        return wrap(handler, Objects.requireNonNull(currentView, "currentView"));
    }

    private RouteHandler wrap(RouteHandler handler, RouteHandler currentView) {
        return request -> request.header(HEADER)
                .map(key -> runOnce(key, request, handler, currentView))
                .orElseGet(() -> handler.handle(request));
    }

    private HttpResponse runOnce(String key, HttpRequest request, RouteHandler handler, RouteHandler currentView) {
        String scopedKey = request.caller().id().value() + "|" + request.routeKey() + "|" + key;
        String fingerprint = Sha256.hex(request.routeKey() + "\n" + request.path() + "\n" + request.rawBody());
        HttpRequest keyed = request.withRequestKey(RequestKey.of(scopedKey, fingerprint));
        HttpResponse[] answered = new HttpResponse[1];
        Execution outcome = execution.run(scopedKey, fingerprint, () -> {
            answered[0] = handler.handle(keyed);
            return store(answered[0], currentView != null);
        });
        return switch (outcome) {
            case Execution.Fresh fresh -> firstAnswer(fresh.result(), answered[0]);
            case Execution.Replayed replayed ->
                    replay(replayed.result(), keyed, currentView).withHeader(REPLAYED, "true");
            case Execution.Rejected(Execution.Reason reason) -> switch (reason) {
                case IN_PROGRESS -> HttpResponse.problem(ProblemType.IDEMPOTENCY_IN_PROGRESS,
                        "the first request with this Idempotency-Key has not finished; retry shortly");
                case KEY_REUSED_WITH_DIFFERENT_REQUEST -> HttpResponse.problem(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was already used with a different request; use a new key");
            };
        };
    }

    /**
     * A response as stored: status, the handler's headers, and the body already rendered to JSON, or no body and
     * {@code bodyFromCurrentView} when a replay renders it. The flag is written only when true, so every other
     * record reads exactly as before it existed (and records stored before it replay unchanged).
     */
    private record StoredResponse(int status, Map<String, String> headers, JsonNode body, boolean problem,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean bodyFromCurrentView) {

        boolean bodyNotStored() {
            return Boolean.TRUE.equals(bodyFromCurrentView);
        }
    }

    private String store(HttpResponse response, boolean personal) {
        Object body = response.body();
        boolean problem = body instanceof Problem;
        boolean bodyFromCurrentView = personal && !problem && isSuccess(response.status());
        JsonNode tree = body == null || bodyFromCurrentView
                ? null : json.valueToTree(problem ? ProblemBody.of((Problem) body) : body);
        return json.writeValueAsString(new StoredResponse(response.status(), response.headers(), tree, problem,
                bodyFromCurrentView ? Boolean.TRUE : null));
    }

    /** The first answer: as stored (so that it reads as a replay will), with the handler's body where none was stored. */
    private HttpResponse firstAnswer(String stored, HttpResponse handlers) {
        StoredResponse response = json.readValue(stored, StoredResponse.class);
        return response.bodyNotStored()
                ? new HttpResponse(response.status(), response.headers(), handlers.body()) : restore(response);
    }

    /**
     * A replay: the stored response, or, when its body was not stored, the stored status and headers with the body
     * and headers of the current view; when the view has nothing to show (the resource is gone), its answer.
     */
    private HttpResponse replay(String stored, HttpRequest request, RouteHandler currentView) {
        StoredResponse response = json.readValue(stored, StoredResponse.class);
        if (!response.bodyNotStored()) {
            return restore(response);
        }
        if (currentView == null) {
            throw new IllegalStateException("a response stored without its body needs the route's current view");
        }
        HttpResponse now = currentView.handle(request);
        if (!isSuccess(now.status())) {
            return now;
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.putAll(now.headers());
        return new HttpResponse(response.status(), headers, now.body());
    }

    private HttpResponse restore(StoredResponse response) {
        Object body = response.problem() ? toProblem(response.body()) : response.body();
        return new HttpResponse(response.status(), response.headers(), body);
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private Problem toProblem(JsonNode body) {
        ProblemBody problem = json.treeToValue(body, ProblemBody.class);
        ProblemType type = java.util.Arrays.stream(ProblemType.values())
                .filter(t -> t.uri().equals(problem.type()))
                .findFirst()
                .orElse(ProblemType.INTERNAL);
        return new Problem(type, problem.detail(), null, problem.errors());
    }
}
