package io.eventsuite.deployment.rules;

import static java.util.Map.entry;

import io.eventsuite.adapters.dynamodb.DynamoDbActions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each function's pinned bean reaches, as the code wires it: the repository methods its route or consumer,
 * its use case and the platform around it call (their DynamoDB actions are declared in {@link DynamoDbActions},
 * which the adapters' own test holds to the calls they make), and whether it publishes events or sends email.
 * The IAM rules grant a function exactly this, on the table each adapter is wired to, and
 * {@link FunctionCallsMatchTheCodeTest} holds every row to what the bean reaches in the bytecode.
 *
 * <p>Read a row as: bean -> use case -> port methods. The platform adds two: an {@code Idempotency-Key} route and
 * every SQS consumer run through {@code IdempotentExecution} (begin, complete, release), and every use case that
 * emits events publishes through the outbox publisher, which clears what SNS took ({@code markPublished}).
 */
final class FunctionCalls {

    /** A function's calls outside DynamoDB. */
    enum Other {
        /** SnsEventPublisher: PublishBatch to the service's own topic, which IAM authorizes as sns:Publish. */
        PUBLISHES_EVENTS("sns:Publish"),
        /** SesNotificationChannel: SES v2 SendEmail, from SenderAddress only. */
        SENDS_EMAIL("ses:SendEmail");

        final String action;

        Other(String action) {
            this.action = action;
        }
    }

    record Calls(List<String> repositoryMethods, Set<Other> other) {

        boolean signsPageCursors() {
            return repositoryMethods.stream().anyMatch(DynamoDbActions.SIGN_PAGE_CURSORS::contains);
        }
    }

    private static final List<String> IDEMPOTENT = List.of("DynamoDbIdempotencyStore.begin",
            "DynamoDbIdempotencyStore.complete", "DynamoDbIdempotencyStore.release");
    private static final String MARK_PUBLISHED = "DynamoDbPendingEvents.markPublished";
    private static final Set<Other> PUBLISHES = Set.of(Other.PUBLISHES_EVENTS);

    /** By logical id. A function not listed calls nothing a policy must allow. */
    static final Map<String, Calls> BY_FUNCTION = Map.ofEntries(
            // registerUser -> RegisteringUser: erasedVersion (a new life continues the erased one's versions), add,
            // and findById when the id is taken; Idempotency-Key route.
            entry("RegisterUserFunction", calls(PUBLISHES, IDEMPOTENT, "DynamoDbUsers.erasedVersion",
                    "DynamoDbUsers.add", "DynamoDbUsers.findById", MARK_PUBLISHED)),
            // getUser -> ViewingUser: findById.
            entry("GetUserFunction", calls(Set.of(), List.of(), "DynamoDbUsers.findById")),
            // updateUser -> UpdatingUser: findById, replace (findById again on a lost race).
            entry("UpdateUserFunction", calls(PUBLISHES, List.of(), "DynamoDbUsers.findById", "DynamoDbUsers.replace",
                    MARK_PUBLISHED)),
            // deleteUser -> DeletingUser: findById, erase.
            entry("DeleteUserFunction", calls(PUBLISHES, List.of(), "DynamoDbUsers.findById", "DynamoDbUsers.erase",
                    MARK_PUBLISHED)),
            // relayPendingEvents -> OutboxRelay: oldest, then markPublished for what SNS took, recordRefusals for what
            // it refused as the sender's fault (parking at the limit), parkedCount for the report.
            entry("RelayUserEventsFunction", calls(PUBLISHES, List.of(), "DynamoDbPendingEvents.oldest",
                    MARK_PUBLISHED, "DynamoDbPendingEvents.recordRefusals", "DynamoDbPendingEvents.parkedCount")),

            // placeOrder -> PlacingOrder: add, and findById when the id derived from the Idempotency-Key is taken
            // (a rerun finds the order its first run placed); Idempotency-Key route.
            entry("PlaceOrderFunction", calls(PUBLISHES, IDEMPOTENT, "DynamoDbOrders.add", "DynamoDbOrders.findById",
                    MARK_PUBLISHED)),
            // getOrder -> ViewingOrder: findById.
            entry("GetOrderFunction", calls(Set.of(), List.of(), "DynamoDbOrders.findById")),
            // listOrders -> ListingOrders: findByCustomer (signed cursors).
            entry("ListOrdersFunction", calls(Set.of(), List.of(), "DynamoDbOrders.findByCustomer")),
            // cancelOrder -> CancelingOrder (OrderCancellation): findById, replace; Idempotency-Key route.
            entry("CancelOrderFunction", calls(PUBLISHES, IDEMPOTENT, "DynamoDbOrders.findById",
                    "DynamoDbOrders.replace", MARK_PUBLISHED)),
            // cancelOrdersOfDeletedUser -> CancelingOrdersOfDeletedUser: pages findByCustomer (signed cursors), then
            // OrderCancellation: findById, replace.
            entry("CancelOrdersOfDeletedUserFunction", calls(PUBLISHES, IDEMPOTENT, "DynamoDbOrders.findByCustomer",
                    "DynamoDbOrders.findById", "DynamoDbOrders.replace", MARK_PUBLISHED)),
            entry("RelayOrderEventsFunction", calls(PUBLISHES, List.of(), "DynamoDbPendingEvents.oldest",
                    MARK_PUBLISHED, "DynamoDbPendingEvents.recordRefusals", "DynamoDbPendingEvents.parkedCount")),

            // sendNotifications -> Notifying: projects a registered user (upsertIfNewer), finds the notification
            // and the recipient, addPending, send, markSent; delete withdraws one stored for an erased recipient.
            entry("SendNotificationsFunction", calls(Set.of(Other.SENDS_EMAIL), IDEMPOTENT,
                    "DynamoDbRecipients.upsertIfNewer", "DynamoDbRecipients.find",
                    "DynamoDbNotifications.findById", "DynamoDbNotifications.addPending",
                    "DynamoDbNotifications.markSent", "DynamoDbNotifications.delete")),
            // projectRecipients -> ProjectingRecipients: upsertIfNewer.
            entry("ProjectRecipientsFunction", calls(Set.of(), IDEMPOTENT, "DynamoDbRecipients.upsertIfNewer")),
            // purgeRecipient -> PurgingRecipient: eraseIfNewer (the tombstone), deleteByRecipient.
            entry("PurgeRecipientFunction", calls(Set.of(), IDEMPOTENT, "DynamoDbNotifications.deleteByRecipient",
                    "DynamoDbRecipients.eraseIfNewer")),
            // listNotifications -> ListingNotifications: findByRecipient (signed cursors).
            entry("ListNotificationsFunction", calls(Set.of(), List.of(), "DynamoDbNotifications.findByRecipient")));

    /** The table each repository is wired to; the outbox lives in the table of the service's aggregate. */
    static Optional<String> tableOf(String repositoryMethod, String mainClass) {
        String adapter = repositoryMethod.substring(0, repositoryMethod.indexOf('.'));
        return Optional.ofNullable(switch (adapter) {
            case "DynamoDbUsers" -> "UsersTable";
            case "DynamoDbOrders" -> "OrdersTable";
            case "DynamoDbNotifications" -> "NotificationsTable";
            case "DynamoDbRecipients" -> "RecipientsTable";
            case "DynamoDbIdempotencyStore" -> "IdempotencyTable";
            case "DynamoDbPendingEvents" -> switch (mainClass) {
                case "io.eventsuite.user.UserServiceApplication" -> "UsersTable";
                case "io.eventsuite.order.OrderServiceApplication" -> "OrdersTable";
                default -> null;
            };
            default -> null;
        });
    }

    private FunctionCalls() {
    }

    static Calls of(String function) {
        return BY_FUNCTION.getOrDefault(function, new Calls(List.of(), Set.of()));
    }

    private static Calls calls(Set<Other> other, List<String> platform, String... repositoryMethods) {
        Set<String> methods = new LinkedHashSet<>(platform);
        methods.addAll(List.of(repositoryMethods));
        return new Calls(List.copyOf(methods), other);
    }
}
