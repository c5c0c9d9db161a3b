package io.eventsuite.localcloud.functions;

import io.eventsuite.localcloud.runtime.LambdaInvoker;
import io.eventsuite.localcloud.template.SamTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fires the template's {@code Schedule} events: each {@code rate(...)} invokes its function with the EventBridge
 * scheduled-event JSON (or the event's {@code Input}), first one period after start, as EventBridge does.
 * A run that is still going delays the next one instead of overlapping it.
 */
public final class Schedules implements AutoCloseable {

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A schedule that runs locally, with its period. */
    public record Running(SamTemplate.Schedule schedule, Duration period) {
    }

    private final ScheduledExecutorService timer;
    private final List<Running> running = new ArrayList<>();
    private final String region;

    /**
     * @param functions the invoker of each function by logical id
     * @param log       one line per firing and per problem
     */
    public Schedules(List<SamTemplate.Schedule> schedules, String region, Function<String, LambdaInvoker> functions,
            Consumer<String> log) {
        this.region = region;
        this.timer = Executors.newScheduledThreadPool(Math.max(1, schedules.size()),
                Thread.ofPlatform().daemon().name("schedule-", 1).factory());
        for (SamTemplate.Schedule schedule : schedules) {
            if (!schedule.enabled()) {
                continue;
            }
            Duration period = period(schedule.expression());
            if (period == null) {
                log.accept("schedule " + schedule.functionId() + "." + schedule.eventName() + " (" + schedule.expression()
                        + ") is not run locally: only rate(...) expressions are; invoke it with POST /local/invoke/"
                        + schedule.functionId());
                continue;
            }
            LambdaInvoker function = functions.apply(schedule.functionId());
            timer.scheduleWithFixedDelay(() -> fire(schedule, function, log), period.toMillis(), period.toMillis(),
                    TimeUnit.MILLISECONDS);
            running.add(new Running(schedule, period));
        }
    }

    public List<Running> running() {
        return List.copyOf(running);
    }

    private void fire(SamTemplate.Schedule schedule, LambdaInvoker function, Consumer<String> log) {
        try {
            function.invoke(event(schedule, region, Instant.now()));
        } catch (Exception e) {
            log.accept("schedule " + schedule.functionId() + "." + schedule.eventName() + " failed: " + e.getMessage());
        }
    }

    /** What EventBridge sends a scheduled function (or the event's Input, verbatim). */
    public static byte[] event(SamTemplate.Schedule schedule, String region, Instant at) {
        if (schedule.input() != null) {
            return schedule.input().getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", SamTemplate.ACCOUNT_ID);
        event.put("time", at.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add("arn:aws:events:" + region + ":" + SamTemplate.ACCOUNT_ID + ":rule/"
                + schedule.functionId() + schedule.eventName());
        event.putObject("detail");
        return JSON.writeValueAsBytes(event);
    }

    /** The period of a {@code rate(...)} expression; {@code null} for anything else. */
    public static Duration period(String expression) {
        Matcher m = RATE.matcher(expression == null ? "" : expression.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(n);
            case "hour", "hours" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
