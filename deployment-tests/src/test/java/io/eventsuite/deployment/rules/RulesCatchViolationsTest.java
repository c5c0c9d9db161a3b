package io.eventsuite.deployment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.deployment.template.Template;
import org.junit.jupiter.api.Test;

/** The rules themselves, on a small template that breaks each of them: a rule that cannot fail proves nothing. */
class RulesCatchViolationsTest {

    private static final Template BROKEN = Template.of("""
            Globals:
              Function:
                Timeout: 60
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: Jwt
                    Authorizers:
                      Jwt:
                        IdentitySource: $request.header.Authorization
                        JwtConfiguration: {issuer: https://issuer, audience: [client]}
              Server:
                Type: AWS::Cognito::UserPoolResourceServer
                Properties:
                  Identifier: suite
                  Scopes: [{ScopeName: users, ScopeDescription: users}, {ScopeName: orders, ScopeDescription: orders}]
              Client:
                Type: AWS::Cognito::UserPoolClient
                Properties:
                  AllowedOAuthScopes: [suite/users]
              Leaky:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      SPRING_CLOUD_FUNCTION_DEFINITION: leaky
                      ORDERS_TABLE: !Ref Users
                      DEBUG: "true"
                  Policies:
                    - AmazonDynamoDBFullAccess
                    - DynamoDBCrudPolicy: {TableName: !Ref Users}
                    - SNSPublishMessagePolicy: {TopicName: !Ref Topic}
                    - Statement:
                        - {Sid: Everything, Effect: Allow, Action: "dynamodb:*", Resource: "*"}
                  Events:
                    Open:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Path: /users, Method: GET, Auth: {Authorizer: NONE, AuthorizationScopes: [suite/users]}}
                    Implicit:
                      Type: HttpApi
                      Properties: {Path: /orders, Method: GET}
                    WrongScope:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Path: "/orders/{id}", Method: GET, Auth: {AuthorizationScopes: [suite/users]}}
                    Consume:
                      Type: SQS
                      Properties: {Queue: !GetAtt Queue.Arn, BatchSize: 100}
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 60
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 1}
              Dlq:
                Type: AWS::SQS::Queue
                Properties: {SqsManagedSseEnabled: true, MessageRetentionPeriod: 60}
              Topic:
                Type: AWS::SNS::Topic
              Subscription:
                Type: AWS::SNS::Subscription
                Properties: {TopicArn: !Ref Topic, Protocol: sqs, Endpoint: !GetAtt Queue.Arn}
              Users:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PROVISIONED
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """);

    @Test
    void anOpenRouteAndARouteOnTheImplicitApiAreCaught() {
        assertThat(HttpApiRules.everyRouteIsAuthorized(BROKEN).violations()).anySatisfy(
                v -> assertThat(v).contains("Leaky (Open: GET /users)").contains("Auth.Authorizer: NONE"))
                .anySatisfy(v -> assertThat(v).contains("Leaky (Implicit: GET /orders)").contains("implicit HTTP API"));
    }

    @Test
    void aRouteWithoutScopesOrWithAnotherResourcesScopeIsCaught() {
        assertThat(HttpApiRules.everyRouteRequiresItsScope(BROKEN).violations())
                .anySatisfy(v -> assertThat(v).contains("Implicit").contains("no Auth.AuthorizationScopes"))
                .anySatisfy(v -> assertThat(v).contains("WrongScope").contains("should require the scope [suite/orders]"));
    }

    @Test
    void aQueueWithoutEnoughReceivesOrEncryptionIsCaught() {
        assertThat(MessagingRules.everyQueueHasADeadLetterQueue(BROKEN).violations())
                .anySatisfy(v -> assertThat(v).startsWith("Queue:").contains("maxReceiveCount is 1"))
                .anySatisfy(v -> assertThat(v).startsWith("Queue:").contains("keeps messages 60 s"));
        assertThat(MessagingRules.everyQueueIsEncrypted(BROKEN).violations())
                .containsExactlyInAnyOrder("Queue: neither SqsManagedSseEnabled: true nor KmsMasterKeyId",
                        "Topic: topic has no KmsMasterKeyId");
    }

    @Test
    void aSubscriptionWithoutRawDeliveryFilterOrRedriveIsCaught() {
        assertThat(MessagingRules.everySubscriptionIsRawFilteredAndRedriven(BROKEN).violations())
                .anySatisfy(v -> assertThat(v).contains("RawMessageDelivery is not true"))
                .anySatisfy(v -> assertThat(v).contains("FilterPolicy must list"))
                .anySatisfy(v -> assertThat(v).contains("RedrivePolicy.deadLetterTargetArn"));
        assertThat(MessagingRules.queuesAcceptOnlyTheirTopics(BROKEN).violations())
                .containsExactly("Queue: its queue policy lets no topic send, but it is subscribed to [Topic]");
    }

    @Test
    void aVisibilityTimeoutShorterThanSixConsumerTimeoutsIsCaught() {
        assertThat(MessagingRules.visibilityTimeoutCoversTheConsumer(BROKEN).violations())
                .containsExactly("Queue: VisibilityTimeout 60 s < 6 x Leaky Timeout 60 s + batching window 0 s = 360 s");
        assertThat(MessagingRules.sqsEventSourcesReportPartialFailures(BROKEN).violations())
                .anySatisfy(v -> assertThat(v).contains("lacks ReportBatchItemFailures"))
                .anySatisfy(v -> assertThat(v).contains("BatchSize must be set, between 1 and 10 (is 100)"));
    }

    @Test
    void aFunctionWithoutItsOwnSettingsIsCaught() {
        assertThat(FunctionRules.explicitMemoryAndTimeout(BROKEN).violations())
                .anySatisfy(v -> assertThat(v).startsWith("Leaky: MemorySize must be set"))
                .anySatisfy(v -> assertThat(v).startsWith("Leaky: Timeout must be set"));
        assertThat(FunctionRules.ownLogGroupWithRetention(BROKEN).violations())
                .containsExactly("Leaky: LoggingConfig.LogGroup must be !Ref <an AWS::Logs::LogGroup here>");
        assertThat(FunctionRules.functionsArePinnedToOneBean(BROKEN).violations())
                .anySatisfy(v -> assertThat(v).contains("MAIN_CLASS must be a literal class name"));
    }

    @Test
    void variablesOutsideTheContractOrNamingTheWrongResourceAreCaught() {
        assertThat(FunctionRules.environmentFollowsTheContract(BROKEN).violations())
                .contains("Leaky ORDERS_TABLE: must be !Ref OrdersTable, is {Ref=Users}",
                        "Leaky DEBUG: is not a variable the adapters read");
        assertThat(FunctionRules.permissionsMatchTheEnvironment(BROKEN).violations())
                .contains("Leaky: its policies reach [Topic] but its environment names []");
    }

    @Test
    void wildcardsManagedPoliciesAndBroadTemplatesAreCaught() {
        assertThat(IamRules.noWildcardPermissions(BROKEN).violations()).contains(
                "Leaky: managed policy AmazonDynamoDBFullAccess: use a policy template or a statement",
                "Leaky (statement Everything): Action dynamodb:* grants every action",
                "Leaky (statement Everything): Resource \"*\" grants every resource")
                .anySatisfy(v -> assertThat(v).contains("policy template DynamoDBCrudPolicy is not one of the narrow ones"));
        assertThat(IamRules.policyTemplatesGetNames(BROKEN).violations()).containsExactly(
                "Leaky: SNSPublishMessagePolicy.TopicName is !Ref Topic (an ARN): use !GetAtt Topic.TopicName");
    }

    @Test
    void aTableThatIsNotDurableIsCaught() {
        assertThat(TableRules.tablesAreDurable(BROKEN).violations()).contains(
                "Users: BillingMode must be PAY_PER_REQUEST",
                "Users: PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled must be true",
                "Users: SSESpecification.SSEEnabled must be true",
                "Users: DeletionPolicy must be Retain");
    }

    @Test
    void missingAlarmsAndHardCodedAccountsAreCaught() {
        assertThat(OperationsRules.failuresRaiseAlarms(BROKEN).violations()).contains(
                "Dlq: no alarm on ApproximateNumberOfMessagesVisible > 0 (QueueName !GetAtt Dlq.QueueName)",
                "Leaky: no alarm on Errors > 0 (FunctionName !Ref Leaky)");
        assertThat(OperationsRules.nothingIsHardCoded("Value: arn:aws:sns:eu-west-1:123456789012:topic\n").violations())
                .hasSize(3);
    }

    @Test
    void anInlineOrOldStyleTokenTriggerOnTheFreeTierAndGrantsToMissingGroupsAreCaught() {
        Template pools = Template.of("""
                Resources:
                  Inline:
                    Type: AWS::Lambda::Function
                  Pool:
                    Type: AWS::Cognito::UserPool
                    Properties:
                      LambdaConfig:
                        PreTokenGenerationConfig: {LambdaArn: !GetAtt Inline.Arn, LambdaVersion: V1_0}
                  OldStyle:
                    Type: AWS::Cognito::UserPool
                    Properties:
                      UserPoolTier: LITE
                      LambdaConfig: {PreTokenGeneration: !GetAtt Inline.Arn}
                  Admins:
                    Type: AWS::Cognito::UserPoolGroup
                    Properties: {UserPoolId: !Ref Pool, GroupName: admin}
                  Server:
                    Type: AWS::Cognito::UserPoolResourceServer
                    Properties: {Identifier: suite, Scopes: [{ScopeName: users, ScopeDescription: users}]}
                """);

        assertThat(IdentityRules.preTokenTriggerIsAProjectFunction(pools).violations()).containsExactlyInAnyOrder(
                "Pool: PreTokenGenerationConfig.LambdaArn must be !Ref <an AWS::Serverless::Function here>.Alias",
                "Pool: PreTokenGenerationConfig.LambdaVersion must be V2_0 or V3_0 (only they shape access tokens), is V1_0",
                "Pool: UserPoolTier must be ESSENTIALS or PLUS for a V2_0/V3_0 trigger, is null",
                "OldStyle: LambdaConfig.PreTokenGeneration is the V1_0 trigger: use PreTokenGenerationConfig");
        assertThat(IdentityRules.scopeGrantsMatchThePool(pools, java.util.Map.of(
                "admin", java.util.Set.of("suite/users"), "customers", java.util.Set.of("suite/orders"))).violations())
                .containsExactlyInAnyOrder(
                        "customers: granted scopes, but no AWS::Cognito::UserPoolGroup has this GroupName",
                        "customers: grants suite/orders, which no UserPoolResourceServer declares");
    }

    @Test
    void aBrokenRuleFailsWithEveryViolationNamed() {
        assertThatThrownBy(() -> MessagingRules.everyQueueIsEncrypted(BROKEN).assertPassed())
                .hasMessageContaining("Rule 'every-queue-is-encrypted'")
                .hasMessageContaining("broken 2 time(s)")
                .hasMessageContaining("- Queue: neither SqsManagedSseEnabled");
    }
}
