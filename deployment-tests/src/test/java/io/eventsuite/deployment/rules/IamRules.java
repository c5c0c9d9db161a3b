package io.eventsuite.deployment.rules;

import static io.eventsuite.deployment.template.Nodes.at;
import static io.eventsuite.deployment.template.Nodes.getAtt;
import static io.eventsuite.deployment.template.Nodes.list;
import static io.eventsuite.deployment.template.Nodes.map;
import static io.eventsuite.deployment.template.Nodes.ref;

import io.eventsuite.deployment.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Least privilege: no wildcard grants, only narrow policy templates, and templates given what they expect. */
final class IamRules {

    /**
     * SAM policy templates narrow enough for a function here. None of the DynamoDB ones is: DynamoDBReadPolicy
     * grants Scan and BatchGetItem, DynamoDBWritePolicy BatchWriteItem, DynamoDBCrudPolicy all of those and deletes.
     */
    static final Set<String> NARROW_POLICY_TEMPLATES = Set.of(
            "SNSPublishMessagePolicy", "SQSPollerPolicy", "SQSSendMessagePolicy");

    private IamRules() {
    }

    record Statement(String owner, Object body) {
    }

    static RuleCheck noWildcardPermissions(Template template) {
        RuleCheck check = RuleCheck.rule("no-wildcard-permissions",
                "no Allow statement grants every action of a service or every resource, and functions get only"
                        + " narrow SAM policy templates or explicit statements (no managed policies)");
        List<Statement> statements = new ArrayList<>();

        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function -> {
            for (Object policy : list(function.property("Policies"))) {
                if (policy instanceof String managed) {
                    check.violation(function.id(), "managed policy " + managed + ": use a policy template or a statement");
                    continue;
                }
                Map<String, Object> entry = map(policy);
                if (entry.containsKey("Statement")) {
                    list(entry.get("Statement")).forEach(s -> statements.add(new Statement(function.id(), s)));
                } else {
                    entry.keySet().stream().filter(name -> !NARROW_POLICY_TEMPLATES.contains(name)).forEach(name ->
                            check.violation(function.id(), "policy template " + name + " is not one of the narrow ones "
                                    + NARROW_POLICY_TEMPLATES));
                }
            }
        });
        template.ofType("AWS::IAM::Role").forEach(role -> {
            check.require(list(role.property("ManagedPolicyArns")).isEmpty(), role.id(),
                    "ManagedPolicyArns: write the statements the role needs instead");
            list(role.property("Policies")).forEach(p -> list(at(p, "PolicyDocument", "Statement"))
                    .forEach(s -> statements.add(new Statement(role.id(), s))));
        });
        template.ofType(t -> Set.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::SQS::QueuePolicy",
                        "AWS::SNS::TopicPolicy").contains(t))
                .forEach(policy -> list(policy.property("PolicyDocument", "Statement"))
                        .forEach(s -> statements.add(new Statement(policy.id(), s))));

        for (Statement statement : statements) {
            Object body = statement.body();
            if (!"Allow".equals(at(body, "Effect"))) {
                continue;
            }
            String where = statement.owner() + (at(body, "Sid") != null ? " (statement " + at(body, "Sid") + ")" : "");
            check.require(at(body, "NotAction") == null && at(body, "NotResource") == null, where,
                    "Allow with NotAction/NotResource grants everything else");
            for (Object action : list(at(body, "Action"))) {
                check.require(!(action instanceof String a && (a.equals("*") || a.endsWith(":*"))), where,
                        "Action " + action + " grants every action");
            }
            for (Object resource : list(at(body, "Resource"))) {
                check.require(!"*".equals(resource), where, "Resource \"*\" grants every resource");
            }
            Object principal = at(body, "Principal");
            boolean anyone = "*".equals(principal) || "*".equals(at(principal, "AWS"));
            check.require(!anyone || at(body, "Condition") != null, where, "Principal * without a Condition");
        }
        return check;
    }

    static RuleCheck policyTemplatesGetNames(Template template) {
        RuleCheck check = RuleCheck.rule("policy-templates-get-names",
                "SAM's SNS and SQS policy templates take names (Ref of a topic is its ARN, of a queue its URL), the"
                        + " DynamoDB ones a table name");
        template.ofType(Template.SERVERLESS_FUNCTION).forEach(function -> list(function.property("Policies")).forEach(policy -> {
            Map<String, Object> entry = map(policy);
            ref(at(entry, "SNSPublishMessagePolicy", "TopicName")).ifPresent(topic -> check.violation(function.id(),
                    "SNSPublishMessagePolicy.TopicName is !Ref " + topic + " (an ARN): use !GetAtt " + topic + ".TopicName"));
            for (String sqs : List.of("SQSPollerPolicy", "SQSSendMessagePolicy")) {
                ref(at(entry, sqs, "QueueName")).ifPresent(queue -> check.violation(function.id(),
                        sqs + ".QueueName is !Ref " + queue + " (a URL): use !GetAtt " + queue + ".QueueName"));
            }
            for (String ddb : List.of("DynamoDBReadPolicy", "DynamoDBWritePolicy")) {
                getAtt(at(entry, ddb, "TableName"), "Arn").ifPresent(table -> check.violation(function.id(),
                        ddb + ".TableName is an ARN: use !Ref " + table));
            }
        }));
        return check;
    }
}
