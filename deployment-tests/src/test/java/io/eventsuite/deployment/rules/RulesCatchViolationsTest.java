package io.eventsuite.deployment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.deployment.template.Template;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Functions that read too much, reach others' idempotency records and hold the cursor key without paging. */
    private static final Template OVER_PRIVILEGED = Template.of("""
            Resources:
              UsersTable: {Type: AWS::DynamoDB::Table}
              OrdersTable: {Type: AWS::DynamoDB::Table}
              IdempotencyTable: {Type: AWS::DynamoDB::Table}
              UserEventsTopic: {Type: AWS::SNS::Topic}
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      MAIN_CLASS: io.eventsuite.user.UserServiceApplication
                      USERS_TABLE: !Ref UsersTable
                      CURSOR_SIGNING_KEY: !Sub "{{resolve:secretsmanager:${CursorSigningKey}:SecretString}}"
                  Policies:
                    - DynamoDBReadPolicy: {TableName: !Ref UsersTable}
              Registrar:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      MAIN_CLASS: io.eventsuite.user.UserServiceApplication
                      USERS_TABLE: !Ref UsersTable
                      IDEMPOTENCY_TABLE: !Ref IdempotencyTable
                      IDEMPOTENCY_KEY_PREFIX: registerUser
                  Policies:
                    - Statement:
                        - {Sid: Users, Effect: Allow, Action: [dynamodb:PutItem], Resource: !GetAtt UsersTable.Arn}
                        - {Sid: AnyonesKeys, Effect: Allow, Action: [dynamodb:PutItem, dynamodb:GetItem],
                           Resource: !GetAtt IdempotencyTable.Arn}
              Lister:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      MAIN_CLASS: io.eventsuite.order.OrderServiceApplication
                      ORDERS_TABLE: !Ref OrdersTable
                      IDEMPOTENCY_TABLE: !Ref IdempotencyTable
                      IDEMPOTENCY_KEY_PREFIX: registerUser
                  Policies:
                    - Statement:
                        - {Sid: Pages, Effect: Allow, Action: dynamodb:Query, Resource: !Sub "${OrdersTable.Arn}/index/by-customer"}
                        - {Sid: Everything, Effect: Allow, Action: dynamodb:Scan, Resource: !GetAtt OrdersTable.Arn}
                        - Sid: OthersKeys
                          Effect: Allow
                          Action: dynamodb:GetItem
                          Resource: !GetAtt IdempotencyTable.Arn
                          Condition: {ForAllValues:StringLike: {dynamodb:LeadingKeys: ["placeOrder#*"]}}
            """);

    private static final Map<String, FunctionCalls.Calls> CALLS = Map.of(
            "Reader", new FunctionCalls.Calls(List.of("DynamoDbUsers.findById"), Set.of()),
            "Registrar", new FunctionCalls.Calls(List.of("DynamoDbUsers.add", "DynamoDbIdempotencyStore.begin"),
                    Set.of(FunctionCalls.Other.PUBLISHES_EVENTS)),
            "Lister", new FunctionCalls.Calls(List.of("DynamoDbOrders.findByCustomer"), Set.of()));

    @Test
    void scanIsCaughtInAStatementAndThroughAPolicyTemplate() {
        assertThat(LeastPrivilegeRules.noScanAnywhere(OVER_PRIVILEGED).violations()).containsExactlyInAnyOrder(
                "Reader: policy template DynamoDBReadPolicy grants dynamodb:Scan",
                "Lister (statement Everything): grants dynamodb:Scan");
    }

    @Test
    void anActionNoAdapterCallsAndACallNoPolicyAllowsAreCaught() {
        assertThat(LeastPrivilegeRules.functionsMayDoWhatTheirCodeCalls(OVER_PRIVILEGED, CALLS::get).violations())
                .contains("Reader: grants dynamodb:Scan on UsersTable, which no adapter of this function calls",
                        "Reader: grants dynamodb:BatchGetItem on UsersTable, which no adapter of this function calls",
                        "Lister: grants dynamodb:Scan on OrdersTable, which no adapter of this function calls",
                        "Lister: grants dynamodb:GetItem on IdempotencyTable, which no adapter of this function calls",
                        "Registrar: its code calls dynamodb:GetItem on UsersTable, which its policies do not grant",
                        "Registrar: its code calls sns:Publish on UserEventsTopic, which its policies do not grant")
                .doesNotContain("Reader: grants dynamodb:GetItem on UsersTable, which no adapter of this function calls",
                        "Lister: grants dynamodb:Query on OrdersTable/index/by-customer, which no adapter of this"
                                + " function calls");
    }

    @Test
    void idempotencyRecordsOutsideTheOwnersPrefixAreCaught() {
        assertThat(LeastPrivilegeRules.idempotencyRecordsStayWithTheirOwner(OVER_PRIVILEGED).violations())
                .anySatisfy(v -> assertThat(v).startsWith("Registrar (statement AnyonesKeys): needs Condition")
                        .contains("[registerUser#*]"))
                .anySatisfy(v -> assertThat(v).startsWith("Lister (statement OthersKeys): needs Condition")
                        .contains("placeOrder#*"))
                .contains("Lister: IDEMPOTENCY_KEY_PREFIX registerUser is also Registrar's");
    }

    @Test
    void aCursorKeyWithoutPagingAndPagingWithoutTheKeyAreCaught() {
        assertThat(LeastPrivilegeRules.cursorKeyOnlyWhereCursorsAreSigned(OVER_PRIVILEGED, CALLS::get).violations())
                .containsExactlyInAnyOrder("Reader: holds CURSOR_SIGNING_KEY but never signs a cursor",
                        "Lister: pages with signed cursors but has no CURSOR_SIGNING_KEY");
    }
}
