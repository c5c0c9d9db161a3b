package io.eventsuite.deployment.rules;

import io.eventsuite.deployment.template.Template;
import io.eventsuite.platform.auth.ApiScopeGrants;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The deployment rules, each a test, applied to the project's template.yaml. */
class ProjectTemplateRulesTest {

    private final Template template = Template.project();

    @Test
    @DisplayName("every route is behind the Cognito JWT authorizer (no Auth.Authorizer: NONE, no implicit API)")
    void everyRouteIsAuthorized() {
        HttpApiRules.everyRouteIsAuthorized(template).assertPassed();
    }

    @Test
    @DisplayName("every route requires its resource's scope, declared by the resource server and allowed for the client")
    void everyRouteRequiresItsScope() {
        HttpApiRules.everyRouteRequiresItsScope(template).assertPassed();
    }

    @Test
    @DisplayName("the pre token generation trigger is a V2 function of this template, on the tier that version needs")
    void preTokenTriggerIsAProjectFunction() {
        IdentityRules.preTokenTriggerIsAProjectFunction(template).assertPassed();
    }

    @Test
    @DisplayName("the groups the trigger grants API scopes to exist in the pool, and so do the scopes")
    void scopeGrantsMatchThePool() {
        IdentityRules.scopeGrantsMatchThePool(template, ApiScopeGrants.EVENTSUITE.scopesByGroup()).assertPassed();
    }

    @Test
    @DisplayName("every queue has a DLQ with maxReceiveCount >= 5")
    void everyQueueHasADeadLetterQueue() {
        MessagingRules.everyQueueHasADeadLetterQueue(template).assertPassed();
    }

    @Test
    @DisplayName("every queue, DLQ and topic is encrypted at rest")
    void everyQueueIsEncrypted() {
        MessagingRules.everyQueueIsEncrypted(template).assertPassed();
    }

    @Test
    @DisplayName("every subscription has raw delivery, a filter policy on `type` and a redrive DLQ")
    void everySubscriptionIsRawFilteredAndRedriven() {
        MessagingRules.everySubscriptionIsRawFilteredAndRedriven(template).assertPassed();
    }

    @Test
    @DisplayName("queues fed by SNS accept messages only from the topics they are subscribed to")
    void queuesAcceptOnlyTheirTopics() {
        MessagingRules.queuesAcceptOnlyTheirTopics(template).assertPassed();
    }

    @Test
    @DisplayName("every queue's visibility timeout is at least 6x its consumer's timeout plus the batching window")
    void visibilityTimeoutCoversTheConsumer() {
        MessagingRules.visibilityTimeoutCoversTheConsumer(template).assertPassed();
    }

    @Test
    @DisplayName("SQS event sources report partial batch failures, in batches of at most 10")
    void sqsEventSourcesReportPartialFailures() {
        MessagingRules.sqsEventSourcesReportPartialFailures(template).assertPassed();
    }

    @Test
    @DisplayName("every queue has exactly one consumer, and no DLQ is consumed")
    void oneConsumerPerQueue() {
        MessagingRules.oneConsumerPerQueue(template).assertPassed();
    }

    @Test
    @DisplayName("every function states its MemorySize and Timeout")
    void explicitMemoryAndTimeout() {
        FunctionRules.explicitMemoryAndTimeout(template).assertPassed();
    }

    @Test
    @DisplayName("every function has its own log group, and every log group a retention")
    void ownLogGroupWithRetention() {
        FunctionRules.ownLogGroupWithRetention(template).assertPassed();
    }

    @Test
    @DisplayName("every function pins SPRING_CLOUD_FUNCTION_DEFINITION and MAIN_CLASS behind FunctionInvoker")
    void functionsArePinnedToOneBean() {
        FunctionRules.functionsArePinnedToOneBean(template).assertPassed();
    }

    @Test
    @DisplayName("every function runs java21/arm64 with SnapStart, tracing, JSON logs and the shared layer")
    void functionsUseThePlatformSettings() {
        FunctionRules.functionsUseThePlatformSettings(template).assertPassed();
    }

    @Test
    @DisplayName("environment variables follow the adapters' contract")
    void environmentFollowsTheContract() {
        FunctionRules.environmentFollowsTheContract(template).assertPassed();
    }

    @Test
    @DisplayName("a function's permissions reach exactly the tables and topic its environment names")
    void permissionsMatchTheEnvironment() {
        FunctionRules.permissionsMatchTheEnvironment(template).assertPassed();
    }

    @Test
    @DisplayName("every producing service has a relay function scheduled every minute")
    void everyProducerHasAScheduledRelay() {
        FunctionRules.everyProducerHasAScheduledRelay(template).assertPassed();
    }

    @Test
    @DisplayName("no IAM statement grants * actions or resources; only narrow policy templates")
    void noWildcardPermissions() {
        IamRules.noWildcardPermissions(template).assertPassed();
    }

    @Test
    @DisplayName("SNS/SQS policy templates get names, DynamoDB ones table names")
    void policyTemplatesGetNames() {
        IamRules.policyTemplatesGetNames(template).assertPassed();
    }

    @Test
    @DisplayName("every table is on-demand with PITR, SSE and Retain")
    void tablesAreDurable() {
        TableRules.tablesAreDurable(template).assertPassed();
    }

    @Test
    @DisplayName("tables have the keys, indexes and TTL the adapters use")
    void tablesMatchTheAdapterContract() {
        TableRules.tablesMatchTheAdapterContract(template).assertPassed();
    }

    @Test
    @DisplayName("every DLQ and every function's errors and throttles are alarmed")
    void failuresRaiseAlarms() {
        OperationsRules.failuresRaiseAlarms(template).assertPassed();
    }

    @Test
    @DisplayName("no account id, region or partition is hard-coded")
    void nothingIsHardCoded() {
        OperationsRules.nothingIsHardCoded(template.text()).assertPassed();
    }

    @Test
    @DisplayName("no policy grants dynamodb:Scan, directly or through a SAM policy template")
    void noScanAnywhere() {
        LeastPrivilegeRules.noScanAnywhere(template).assertPassed();
    }

    @Test
    @DisplayName("each function's policies grant exactly the actions its adapters call, on what they are wired to")
    void functionsMayDoWhatTheirCodeCalls() {
        LeastPrivilegeRules.functionsMayDoWhatTheirCodeCalls(template).assertPassed();
    }

    @Test
    @DisplayName("each function reaches only its own idempotency records (LeadingKeys on its key prefix)")
    void idempotencyRecordsStayWithTheirOwner() {
        LeastPrivilegeRules.idempotencyRecordsStayWithTheirOwner(template).assertPassed();
    }

    @Test
    @DisplayName("only functions that sign page cursors hold the cursor key")
    void cursorKeyOnlyWhereCursorsAreSigned() {
        LeastPrivilegeRules.cursorKeyOnlyWhereCursorsAreSigned(template).assertPassed();
    }
}
