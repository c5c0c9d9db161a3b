package io.eventsuite.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds the local cloud's final state against what the clients were told ({@link Ledger}):
 * <ul>
 *   <li>every acknowledged order exists exactly once (one order per {@code Idempotency-Key}, told by its sku);</li>
 *   <li>every expected notification (a welcome per user, one per acknowledged order and cancellation) was emailed
 *       exactly once, and is listed once by {@code GET /notifications} for users that still exist;</li>
 *   <li>each deleted user's erasure reached the notification service (its recipient tombstone, stamped
 *       {@code erasedAt}), and no email went to the user after that; emails sent between the {@code 204} and that
 *       moment (queued before the erasure arrived: the erasure window, docs/api.md) are counted, not failed;</li>
 *   <li>no table holds a deleted user's email address or name;</li>
 *   <li>no dead-letter queue holds a message it did not hold before the run (the driver poisons nothing).</li>
 * </ul>
 */
final class EffectsCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the check found. {@code lost} and {@code doubled} are effects; {@code violations} are broken promises. */
    record Verdict(List<String> lost, List<String> doubled, List<String> violations, List<String> notes,
            List<Double> orderToNotificationMillis, List<Double> erasureLagMillis,
            List<Double> emailsInErasureWindowMillis) {

        boolean passed() {
            return lost.isEmpty() && doubled.isEmpty() && violations.isEmpty();
        }
    }

    private final Ledger ledger;
    private final boolean settled;
    private final List<String> lost = new ArrayList<>();
    private final List<String> doubled = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Per deleted user: from its {@code 204} to its erasure reaching the notification service. */
    private final List<Double> erasureLagMillis = new ArrayList<>();
    /** Per email sent to a deleted user in the erasure window: how long after the {@code 204}. */
    private final List<Double> emailsInErasureWindowMillis = new ArrayList<>();

    /**
     * How long after the recipient tombstone's {@code erasedAt} an email may still be captured without a broken
     * promise: the consumer checks the recipient, then sends (a few calls apart in one invocation), and
     * {@code erasedAt} is the purge's clock just before its write; a send checked a moment before the tombstone
     * landed is captured a moment after. A send seconds later would be one that ignored the tombstone.
     */
    static final Duration ERASURE_SEND_SLACK = Duration.ofSeconds(2);

    /**
     * @param settled whether the queues drained before the checks; if not, a missing email may still come (a
     *                message waiting out its visibility timeout), so it is reported as not yet delivered, not lost
     */
    EffectsCheck(Ledger ledger, boolean settled) {
        this.ledger = ledger;
        this.settled = settled;
    }

    /**
     * @param tables      every item of every table, by table name
     * @param emails      every captured email taken off the queue
     * @param listings    each existing user's {@code GET /notifications} items, by sub
     * @param dlqBefore   DLQ depths before the run
     * @param dlqAfter    DLQ depths after quiescence
     */
    Verdict check(Map<String, List<Map<String, AttributeValue>>> tables, List<CloudState.Email> emails,
            Map<String, List<JsonNode>> listings, Map<String, Integer> dlqBefore, Map<String, Integer> dlqAfter) {
        checkOrders(tables);
        Map<String, Instant> erasures = erasuresArrived(tables);
        checkErasuresArrived(erasures);
        checkEmails(emails, erasures);
        checkListings(listings);
        checkPersonalData(tables);
        dlqAfter.forEach((queue, depth) -> {
            int before = dlqBefore.getOrDefault(queue, 0);
            if (depth > before) {
                violations.add("DLQ " + queue + " holds " + (depth - before) + " new message(s) (" + before
                        + " before the run, " + depth + " after)");
            }
        });
        List<Double> latencies = new ArrayList<>();
        for (Ledger.Account account : ledger.accounts) {
            account.notifiedAt.forEach((orderId, created) -> {
                var acked = account.ackedAt.get(orderId);
                if (acked != null) {
                    latencies.add((double) Duration.between(acked, created).toMillis());
                }
            });
        }
        return new Verdict(List.copyOf(lost), List.copyOf(doubled), List.copyOf(violations), List.copyOf(notes),
                latencies, List.copyOf(erasureLagMillis), List.copyOf(emailsInErasureWindowMillis));
    }

    /** User id -> when its erasure reached the notification service: the recipient tombstones' {@code erasedAt}. */
    private static Map<String, Instant> erasuresArrived(Map<String, List<Map<String, AttributeValue>>> tables) {
        Map<String, Instant> arrived = new HashMap<>();
        tables.values().forEach(items -> items.stream()
                .filter(i -> i.containsKey("erased") && i.containsKey("erasedAt") && i.containsKey("id"))
                .forEach(i -> arrived.put(i.get("id").s(), Instant.parse(i.get("erasedAt").s()))));
        return arrived;
    }

    private void checkErasuresArrived(Map<String, Instant> erasures) {
        for (Ledger.Account account : ledger.accounts) {
            if (!account.deleted() || !account.registered) {
                continue;
            }
            Instant arrived = erasures.get(account.sub);
            if (arrived != null) {
                erasureLagMillis.add((double) Duration.between(account.deletedAt, arrived).toMillis());
            } else if (settled) {
                violations.add(account.sub + " was deleted but its erasure never reached the notification service "
                        + "(no recipient tombstone)");
            } else {
                notes.add(account.sub + ": its erasure had not reached the notification service when the wait ended");
            }
        }
    }

    private void checkOrders(Map<String, List<Map<String, AttributeValue>>> tables) {
        Pattern sku = Pattern.compile(Pattern.quote(ledger.skuPrefix()) + "\\d+-\\d+");
        Map<String, Set<String>> ordersBySku = new HashMap<>();
        tables.values().forEach(items -> items.stream().filter(i -> i.containsKey("customerId")).forEach(item -> {
            Matcher m = sku.matcher(item.toString());
            Set<String> skus = new HashSet<>();
            while (m.find()) {
                skus.add(m.group());
            }
            skus.forEach(s -> ordersBySku.computeIfAbsent(s, k -> new HashSet<>()).add(item.get("id").s()));
        }));
        for (Ledger.Account account : ledger.accounts) {
            account.ackedOrders.forEach((s, orderId) -> {
                Set<String> stored = ordersBySku.getOrDefault(s, Set.of());
                if (!stored.contains(orderId)) {
                    lost.add("order " + orderId + " (" + s + ") was acknowledged with 201 but is not in the table");
                }
                if (stored.size() > 1) {
                    doubled.add("one request (" + s + ", one Idempotency-Key) created " + stored.size() + " orders: "
                            + stored);
                }
            });
            for (String s : account.unacknowledged) {
                Set<String> stored = ordersBySku.getOrDefault(s, Set.of());
                if (stored.size() > 1) {
                    doubled.add("one request (" + s + ", never acknowledged) created " + stored.size() + " orders");
                } else if (stored.size() == 1) {
                    notes.add("order " + s + " exists although its client gave up on it (no 201 after retries)");
                }
            }
        }
    }

    private void checkEmails(List<CloudState.Email> captured, Map<String, Instant> erasures) {
        Map<String, Ledger.Account> byAddress = new HashMap<>();
        ledger.accounts.forEach(a -> a.emails.forEach(e -> byAddress.put(e, a)));
        Map<String, List<JsonNode>> byNotification = new HashMap<>();
        Map<Ledger.Account, List<JsonNode>> byAccount = new HashMap<>();
        for (CloudState.Email email : captured) {
            JsonNode body;
            try {
                body = JSON.readTree(email.body());
            } catch (RuntimeException notOurs) {
                continue;
            }
            Ledger.Account account = byAddress.get(body.path("to").asString());
            if (account == null) {
                continue; // another run's, or someone's curl
            }
            byNotification.computeIfAbsent(body.path("notificationId").asString(), k -> new ArrayList<>()).add(body);
            byAccount.computeIfAbsent(account, k -> new ArrayList<>()).add(body);
            if (account.deleted() && email.sentAtMillis() > account.deletedAt.toEpochMilli()) {
                Instant arrived = erasures.get(account.sub);
                if (arrived != null && email.sentAtMillis() > arrived.plus(ERASURE_SEND_SLACK).toEpochMilli()) {
                    violations.add("an email (\"" + body.path("subject").asString() + "\") went to " + account.sub
                            + " " + (email.sentAtMillis() - arrived.toEpochMilli())
                            + " ms after its erasure reached the notification service");
                } else {
                    emailsInErasureWindowMillis.add((double) (email.sentAtMillis() - account.deletedAt.toEpochMilli()));
                }
            }
        }
        byNotification.forEach((id, copies) -> {
            if (copies.size() > 1) {
                doubled.add("notification " + id + " (\"" + copies.get(0).path("subject").asString() + "\") was emailed "
                        + copies.size() + " times");
            }
        });
        for (Ledger.Account account : ledger.accounts) {
            if (!account.registered) {
                continue;
            }
            List<JsonNode> mine = byAccount.getOrDefault(account, List.of());
            expectOne(account, mine, "the welcome", s -> s.startsWith("Welcome to EventSuite"));
            account.ackedOrders.values().forEach(orderId ->
                    expectOne(account, mine, "order " + orderId + " placed", s -> s.equals("Order " + orderId + " placed")));
            account.cancelled.forEach(orderId -> expectOne(account, mine, "order " + orderId + " cancelled",
                    s -> s.equals("Order " + orderId + " cancelled")));
        }
    }

    private void expectOne(Ledger.Account account, List<JsonNode> emails, String what, Predicate<String> subject) {
        long distinct = emails.stream().filter(e -> subject.test(e.path("subject").asString()))
                .map(e -> e.path("notificationId").asString()).distinct().count();
        if (distinct == 0) {
            if (account.deleted()) {
                notes.add(account.sub + ": no email for " + what + " before the account was deleted");
            } else if (!settled) {
                violations.add(account.sub + ": no email for " + what + " yet (not lost for sure: messages were "
                        + "still in flight when the wait ended)");
            } else {
                lost.add(account.sub + ": no email for " + what);
            }
        } else if (distinct > 1) {
            doubled.add(account.sub + ": " + distinct + " different notifications for " + what);
        }
    }

    private void checkListings(Map<String, List<JsonNode>> listings) {
        for (Ledger.Account account : ledger.accounts) {
            List<JsonNode> items = listings.get(account.sub);
            if (items == null) {
                continue;
            }
            if (account.deleted()) {
                if (!items.isEmpty()) {
                    violations.add(account.sub + " was deleted but GET /notifications still lists " + items.size()
                            + " of its notifications");
                }
                continue;
            }
            Map<String, Integer> perCause = new HashMap<>();
            items.forEach(i -> perCause.merge(i.path("causedBy").asString(), 1, Integer::sum));
            perCause.forEach((cause, n) -> {
                if (n > 1) {
                    doubled.add(account.sub + ": GET /notifications lists " + n + " notifications for event " + cause);
                }
            });
        }
    }

    private void checkPersonalData(Map<String, List<Map<String, AttributeValue>>> tables) {
        for (Ledger.Account account : ledger.accounts) {
            if (!account.deleted()) {
                continue;
            }
            List<String> personal = new ArrayList<>(account.emails);
            personal.addAll(account.displayNames);
            tables.forEach((table, items) -> {
                long holding = items.stream().map(Map::toString)
                        .filter(text -> personal.stream().anyMatch(text::contains)).count();
                if (holding > 0) {
                    violations.add("table " + table + " still holds personal data (email or name) of deleted user "
                            + account.sub + " in " + holding + " item(s)");
                }
            });
        }
    }
}
