package io.eventsuite.platform.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.UnverifiedEmail;
import io.eventsuite.platform.auth.VerifiedClaims;
import io.eventsuite.platform.json.LambdaEventJson;
import io.eventsuite.platform.observability.CorrelationIds;
import io.eventsuite.platform.observability.CurrentTransportContext;
import io.eventsuite.platform.observability.InvocationLogContext;
import io.eventsuite.platform.observability.LambdaContexts;
import io.eventsuite.platform.observability.TraceParent;
import io.eventsuite.platform.outbox.PendingEventsFull;
import io.eventsuite.platform.metrics.InvocationMetrics;
import io.eventsuite.platform.tracing.IncomingTrace;
import io.eventsuite.platform.tracing.InvocationTracing;
import io.eventsuite.platform.tracing.TracedSpan;
import io.eventsuite.platform.tracing.XRayTraceHeader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link RouteHandler} into the Lambda function behind one HTTP API route (payload format 2.0).
 *
 * <p>The one place that knows API Gateway: it refuses requests without verified claims (401; under
 * {@code sam local}, see {@link CallerAuthentication}, a token that fails the authorizer's checks), bodies over
 * the limit (413), sets the log context, and renders results and every failure as JSON or RFC 9457
 * problem+json. Unexpected failures are logged with their stack trace and answered with a bare 500 that
 * names the correlation id, never the exception. No request header is copied into the response.
 *
 * <p>The function takes a {@code Message} so the adapter hands over the Lambda {@link Context} (request id,
 * function name) in its {@code aws-context} header, with the event as raw bytes (see {@link HttpFunction});
 * it returns a typed response, so the adapter serializes exactly that and adds no headers of its own.
 *
 * <p>Each invocation is one SERVER span (see {@link InvocationTracing}) continuing the caller's {@code traceparent}
 * or else Lambda's X-Ray header; the answer names that span in a W3C {@code traceresponse} header, so a caller (and
 * the local cloud's gateway log) can find the trace. Spans are flushed, and the invocation's metrics written as
 * one EMF line ({@link InvocationMetrics}), before the function returns.
 */
public final class HttpRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(HttpRoutes.class);

    private final JsonMapper json;
    private final JsonBodyReader bodyReader;
    private final int maxBodyBytes;
    private final InvocationTracing tracing;
    private final InvocationMetrics metrics;
    private final CallerAuthentication authentication;

    public HttpRoutes(JsonMapper json, int maxBodyBytes) {
        this(json, maxBodyBytes, InvocationTracing.OFF, InvocationMetrics.OFF);
    }

    public HttpRoutes(JsonMapper json, int maxBodyBytes, InvocationTracing tracing, InvocationMetrics metrics) {
        this(json, maxBodyBytes, tracing, metrics, CallerAuthentication.AUTHORIZER);
    }

    public HttpRoutes(JsonMapper json, int maxBodyBytes, InvocationTracing tracing, InvocationMetrics metrics,
            CallerAuthentication authentication) {
        this.authentication = authentication;
        this.json = json;
        this.bodyReader = new JsonBodyReader(json);
        this.maxBodyBytes = maxBodyBytes;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    public HttpFunction route(RouteHandler handler) {
        return message -> handle(LambdaEventJson.read(message.getPayload(), APIGatewayV2HTTPEvent.class),
                LambdaContexts.of(message), handler);
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context lambda, RouteHandler handler) {
        Map<String, String> headers = lowerCase(event.getHeaders());
        String fallbackId = lambda != null ? lambda.getAwsRequestId()
                : event.getRequestContext() != null ? event.getRequestContext().getRequestId() : null;
        String correlationId = CorrelationIds.choose(headers.get(CorrelationIds.HEADER), fallbackId);
        Optional<TraceParent> parent = IncomingTrace.parent(headers.get("traceparent"),
                XRayTraceHeader.ofCurrentInvocation());
        try (var ignored = InvocationLogContext.open(lambda, correlationId, null);
             TracedSpan span = tracing.server(event.getRouteKey(), parent, lambda)) {
            metrics.count(InvocationMetrics.COLD_STARTS, InvocationLogContext.coldStart() ? 1 : 0);
            HttpResponse response;
            try {
                response = handler.handle(toRequest(event, headers));
            } catch (GatewayRefusal refused) {
                response = refused.response();
            } catch (RequestRejected rejected) {
                response = HttpResponse.problem(rejected.problem());
            } catch (InvalidInput invalid) {
                response = HttpResponse.problem(new Problem(ProblemType.INVALID_INPUT,
                        "some values are invalid; see errors", null, invalid.violations()));
            } catch (UnverifiedEmail unverified) {
                response = HttpResponse.problem(ProblemType.EMAIL_NOT_VERIFIED, unverified.getMessage());
            } catch (PendingEventsFull full) {
                LOG.error("route {} refused: its aggregate's outbox is full ({} events); is the relay failing?",
                        event.getRouteKey(), full.limit());
                span.failed("event backlog full"); // a 503: the server's trouble, as the span should show
                response = HttpResponse.problem(ProblemType.EVENT_BACKLOG_FULL,
                        "nothing was changed; retry in a few minutes");
            } catch (RuntimeException unexpected) {
                LOG.error("route {} failed", event.getRouteKey(), unexpected);
                span.failed(unexpected.getClass().getSimpleName());
                response = HttpResponse.problem(ProblemType.INTERNAL,
                        "the request failed; quote the correlation id when reporting it");
            }
            span.tag("http.response.status_code", Integer.toString(response.status()));
            metrics.count(InvocationMetrics.IDEMPOTENCY_REPLAYS,
                    response.headers().containsKey(IdempotencyKeyContract.REPLAYED) ? 1 : 0);
            LOG.info("{} answered {}", event.getRouteKey(), response.status());
            APIGatewayV2HTTPResponse rendered = render(response, correlationId);
            CurrentTransportContext.get().traceparent()
                    .ifPresent(trace -> rendered.getHeaders().put("traceresponse", trace.toString()));
            return rendered;
        } finally {
            tracing.flush();
            metrics.flush(lambda == null ? null : lambda.getFunctionName());
        }
    }

    private HttpRequest toRequest(APIGatewayV2HTTPEvent event, Map<String, String> headers) {
        VerifiedClaims claims = authentication.caller(event, headers);
        String body = decodeBody(event);
        return new HttpRequest(event.getRouteKey(), event.getRawPath(), claims.caller(), headers,
                nullToEmpty(event.getPathParameters()), nullToEmpty(event.getQueryStringParameters()), body,
                bodyReader);
    }

    private String decodeBody(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new RequestRejected(ProblemType.MALFORMED_JSON, "the request body could not be decoded");
        }
        if (bytes.length > maxBodyBytes) {
            throw new RequestRejected(ProblemType.PAYLOAD_TOO_LARGE,
                    "the body has " + bytes.length + " bytes; the limit is " + maxBodyBytes);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * For SnapStart priming: renders {@code body} as a route renders its 200 answer, in memory, so that the JSON
     * serializers of a success answer's types are built before the snapshot rather than on the first request that
     * gets one. Nothing is sent or logged.
     */
    public APIGatewayV2HTTPResponse primeRendering(Object body) {
        return render(HttpResponse.ok(body).withVersion(1), "snapstart-priming");
    }

    /** Renders a response; also used by the Idempotency-Key contract to store and replay one. */
    APIGatewayV2HTTPResponse render(HttpResponse response, String correlationId) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        if (correlationId != null) {
            headers.put("X-Correlation-Id", correlationId);
        }
        String body = null;
        Object payload = response.body();
        if (payload instanceof Problem problem) {
            headers.put("Content-Type", "application/problem+json");
            body = json.writeValueAsString(ProblemBody.of(problem.withInstance(correlationId)));
        } else if (payload != null) {
            headers.put("Content-Type", "application/json");
            body = json.writeValueAsString(payload);
        }
        headers.putAll(response.headers());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        Optional.ofNullable(headers).ifPresent(h -> h.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v)));
        return lower;
    }

    private static Map<String, String> nullToEmpty(Map<String, String> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }
}
