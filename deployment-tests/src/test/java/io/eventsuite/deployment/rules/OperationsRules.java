package io.eventsuite.deployment.rules;

import static io.eventsuite.deployment.template.Nodes.at;
import static io.eventsuite.deployment.template.Nodes.getAtt;
import static io.eventsuite.deployment.template.Nodes.list;
import static io.eventsuite.deployment.template.Nodes.number;
import static io.eventsuite.deployment.template.Nodes.ref;

import io.eventsuite.deployment.template.Template;
import io.eventsuite.deployment.template.Template.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Someone hears about failures, and the template deploys into any account and region. */
final class OperationsRules {

    static final String ALARM = "AWS::CloudWatch::Alarm";

    private static final Pattern ACCOUNT_ID = Pattern.compile("(?<![\\d.])\\d{12}(?![\\d.])");
    private static final Pattern REGION = Pattern.compile(
            "\\b(us|eu|ap|sa|ca|me|af|il|mx)-(gov-)?(north|south|east|west|central|northeast|southeast|southwest|northwest)-\\d\\b");
    private static final Pattern PARTITION = Pattern.compile("arn:aws(-cn|-us-gov)?:");

    private OperationsRules() {
    }

    static RuleCheck failuresRaiseAlarms(Template template) {
        RuleCheck check = RuleCheck.rule("failures-raise-alarms",
                "a message in any DLQ, and any error or throttle of any function, sets off an alarm");
        List<Resource> alarms = template.ofType(ALARM).toList();
        for (String dlq : MessagingRules.deadLetterQueues(template)) {
            boolean alarmed = alarms.stream().anyMatch(alarm -> "AWS/SQS".equals(alarm.property("Namespace"))
                    && "ApproximateNumberOfMessagesVisible".equals(alarm.property("MetricName"))
                    && dimension(alarm, "QueueName", v -> getAtt(v, "QueueName")).equals(Optional.of(dlq))
                    && firesOnAnyValue(alarm));
            check.require(alarmed, dlq, "no alarm on ApproximateNumberOfMessagesVisible > 0 (QueueName !GetAtt " + dlq + ".QueueName)");
        }
        template.functions().forEach(function -> {
            for (String metric : List.of("Errors", "Throttles")) {
                boolean alarmed = alarms.stream().anyMatch(alarm -> "AWS/Lambda".equals(alarm.property("Namespace"))
                        && metric.equals(alarm.property("MetricName"))
                        && dimension(alarm, "FunctionName", v -> ref(v)).equals(Optional.of(function.id()))
                        && firesOnAnyValue(alarm));
                check.require(alarmed, function.id(), "no alarm on " + metric + " > 0 (FunctionName !Ref " + function.id() + ")");
            }
        });
        return check;
    }

    /**
     * The suite's own EMF metrics (namespace eventsuite) that mean trouble raise alarms across every function: an
     * outbox event pending for more than 5 minutes, any relay failure, any open circuit breaker.
     */
    static RuleCheck outboxAndBreakersRaiseAlarms(Template template) {
        RuleCheck check = RuleCheck.rule("outbox-and-breakers-raise-alarms",
                "alarms on OutboxOldestPendingAge > 300 s, RelayFailed > 0 and CircuitBreakerOpen > 0");
        List<Resource> alarms = template.ofType(ALARM).toList();
        Map<String, Long> thresholds = Map.of("OutboxOldestPendingAge", 300L, "RelayFailed", 0L,
                "CircuitBreakerOpen", 0L);
        thresholds.forEach((metric, threshold) -> {
            boolean alarmed = alarms.stream().anyMatch(alarm -> list(alarm.property("Metrics")).stream()
                    .map(m -> String.valueOf(at(m, "Expression")))
                    .anyMatch(query -> query.contains("(" + metric + ")") && query.contains("SCHEMA(eventsuite,"))
                    && "GreaterThanThreshold".equals(alarm.property("ComparisonOperator"))
                    && number(alarm.property("Threshold")).equals(Optional.of(threshold)));
            check.require(alarmed, metric, "no alarm on a Metrics Insights query of " + metric + " > " + threshold);
        });
        return check;
    }

    private static Optional<String> dimension(Resource alarm, String name, Function<Object, Optional<String>> target) {
        return list(alarm.property("Dimensions")).stream()
                .filter(d -> name.equals(at(d, "Name")))
                .findFirst()
                .flatMap(d -> target.apply(at(d, "Value")));
    }

    private static boolean firesOnAnyValue(Resource alarm) {
        return "GreaterThanThreshold".equals(alarm.property("ComparisonOperator"))
                && number(alarm.property("Threshold")).equals(Optional.of(0L));
    }

    static RuleCheck nothingIsHardCoded(String templateText) {
        RuleCheck check = RuleCheck.rule("nothing-is-hard-coded",
                "no account id, region or partition is written in the template: pseudo parameters only");
        String[] lines = templateText.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = "template.yaml line " + (i + 1);
            for (Pattern pattern : List.of(ACCOUNT_ID, REGION, PARTITION)) {
                Matcher m = pattern.matcher(line);
                while (m.find()) {
                    check.violation(where, "'" + m.group() + "' looks hard-coded; use ${AWS::AccountId}, ${AWS::Region}"
                            + " or ${AWS::Partition}");
                }
            }
        }
        return check;
    }
}
