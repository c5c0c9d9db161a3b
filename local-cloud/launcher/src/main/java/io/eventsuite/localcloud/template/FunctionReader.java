package io.eventsuite.localcloud.template;

import static io.eventsuite.localcloud.template.TemplateValues.list;
import static io.eventsuite.localcloud.template.TemplateValues.map;
import static io.eventsuite.localcloud.template.TemplateValues.targetId;

import io.eventsuite.localcloud.template.SamTemplate.Function;
import io.eventsuite.localcloud.template.SamTemplate.HttpRoute;
import io.eventsuite.localcloud.template.SamTemplate.Schedule;
import io.eventsuite.localcloud.template.SamTemplate.SqsSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link Function} from an {@code AWS::Serverless::Function} (its properties already merged with
 * {@code Globals}), with the event sources the local cloud emulates: HTTP API routes, SQS and schedules.
 */
final class FunctionReader {

    /**
     * Marks a route that names no authorizer, as opposed to {@code null} for one that says {@code NONE}: only the
     * former takes the HTTP API's default authorizer, which may be declared after the function.
     */
    static final String DEFAULT_AUTHORIZER = "";

    private final TemplateValues values;

    FunctionReader(TemplateValues values) {
        this.values = values;
    }

    Function read(String id, Map<String, Object> p, Map<String, Object> metadata) {
        List<HttpRoute> routes = new ArrayList<>();
        List<SqsSource> sqs = new ArrayList<>();
        List<Schedule> schedules = new ArrayList<>();
        map(p.get("Events")).forEach((eventName, e) -> {
            Map<String, Object> event = map(e);
            Map<String, Object> ep = map(event.get("Properties"));
            switch (String.valueOf(event.get("Type"))) {
                case "HttpApi" -> routes.add(route(id, eventName, ep));
                case "SQS" -> sqs.add(sqsSource(id, eventName, ep));
                case "Schedule", "ScheduleV2" -> schedules.add(schedule(id, eventName, ep));
                default -> {
                    // other event sources are not emulated
                }
            }
        });
        Map<String, Object> env = map(map(p.get("Environment")).get("Variables"));
        List<String> layerIds = new ArrayList<>();
        for (Object layer : list(p.get("Layers"))) {
            String target = targetId(layer);
            if (target != null) {
                layerIds.add(target);
            }
        }
        return new Function(id, values.string(p.get("CodeUri")), values.string(p.get("Handler")),
                values.string(p.get("Runtime")), values.integer(p.get("MemorySize"), 128),
                values.integer(p.get("Timeout"), 3), new LinkedHashMap<>(env), List.copyOf(layerIds),
                values.string(metadata.get("BuildMethod")), values.string(metadata.get("ContextPath")),
                List.copyOf(routes), List.copyOf(sqs), List.copyOf(schedules),
                values.integer(p.get("ReservedConcurrentExecutions"), 0));
    }

    /** The function with its routes that name no authorizer given the HTTP API's default ({@code null}: none). */
    static Function withDefaultAuthorizer(Function f, String fallback) {
        return new Function(f.logicalId(), f.codeUri(), f.handler(), f.runtime(), f.memoryMb(), f.timeoutSeconds(),
                f.environment(), f.layers(), f.buildMethod(), f.contextPath(),
                f.routes().stream().map(r -> DEFAULT_AUTHORIZER.equals(r.authorizer()) ? new HttpRoute(r.functionId(),
                        r.eventName(), r.method(), r.path(), fallback, r.scopes()) : r).toList(),
                f.sqsSources(), f.schedules(), f.reservedConcurrency());
    }

    private HttpRoute route(String id, String eventName, Map<String, Object> ep) {
        Map<String, Object> auth = map(ep.get("Auth"));
        String authorizer = values.string(auth.get("Authorizer"));
        List<String> scopes = values.strings(auth.get("AuthorizationScopes"));
        String method = Optional.ofNullable(values.string(ep.get("Method"))).orElse("ANY").toUpperCase();
        String path = Optional.ofNullable(values.string(ep.get("Path"))).orElse("$default");
        return new HttpRoute(id, eventName, method, path,
                "NONE".equals(authorizer) ? null : authorizer == null ? DEFAULT_AUTHORIZER : authorizer, scopes);
    }

    private SqsSource sqsSource(String id, String eventName, Map<String, Object> ep) {
        return new SqsSource(id, eventName, targetId(ep.get("Queue")), values.integer(ep.get("BatchSize"), 10),
                values.integer(ep.get("MaximumBatchingWindowInSeconds"), 0),
                values.strings(ep.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                values.bool(ep.get("Enabled"), true),
                values.integer(map(ep.get("ScalingConfig")).get("MaximumConcurrency"), 0));
    }

    private Schedule schedule(String id, String eventName, Map<String, Object> ep) {
        Object input = ep.get("Input");
        return new Schedule(id, eventName, values.string(ep.getOrDefault("Schedule", ep.get("ScheduleExpression"))),
                values.bool(ep.get("Enabled"), true) && !"DISABLED".equals(values.string(ep.get("State"))),
                input == null ? null : values.string(input));
    }
}
