package io.eventsuite.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client of the suite, as a person behind an app would use it: gets a token, registers, places orders (each
 * with its own {@code Idempotency-Key}, kept across retries), cancels every third, and depending on its number
 * renames itself (PATCH with {@code If-Match}) or closes its account: it cancels what is still open, waits until
 * its notifications have come, and deletes itself. Everything acknowledged goes into the {@link Ledger}.
 */
final class VirtualUser implements Runnable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ApiClient api;
    private final Ledger ledger;
    private final Ledger.Account account;
    private final int orders;
    private final long deadlineNanos;
    /** How long a closing user waits for its notifications before deleting itself anyway. */
    private final Duration closeWait;
    private String token;

    VirtualUser(ApiClient api, Ledger ledger, int index, int orders, long deadlineNanos) {
        this(api, ledger, index, orders, deadlineNanos, LoadOptions.DEFAULT_CLOSE_WAIT);
    }

    VirtualUser(ApiClient api, Ledger ledger, int index, int orders, long deadlineNanos, Duration closeWait) {
        this.api = api;
        this.ledger = ledger;
        this.orders = orders;
        this.deadlineNanos = deadlineNanos;
        this.closeWait = closeWait;
        String sub = "load-" + ledger.runId + "-" + index;
        this.account = new Ledger.Account(index, sub, sub + "@load.example",
                "Load User " + index + " " + ledger.runId);
        ledger.accounts.add(account);
    }

    /** Every fourth user renames itself; every fifth (from the fourth) closes its account. */
    boolean renames() {
        return account.index % 4 == 1;
    }

    boolean closesAccount() {
        return account.index % 5 == 3;
    }

    @Override
    public void run() {
        try {
            if (!signIn() || !register()) {
                return;
            }
            String previous = null;
            for (int k = 0; k < orders && System.nanoTime() < deadlineNanos; k++) {
                String orderId = placeOrder(k);
                if (k % 3 == 2 && previous != null) {
                    cancel(previous);
                }
                previous = orderId;
            }
            if (renames()) {
                rename();
            }
            if (closesAccount()) {
                closeAccount();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            ledger.anomalies.add(account.sub + ": the client failed: " + unexpected);
        }
    }

    private boolean signIn() throws InterruptedException {
        ApiClient.Answer answer = api.send("POST", "/local/token", null,
                "{\"sub\":\"" + account.sub + "\",\"email\":\"" + account.emails.get(0) + "\"}");
        if (!answer.ok()) {
            ledger.anomalies.add(account.sub + ": no token: " + answer.status() + " " + answer.body());
            return false;
        }
        token = JSON.readTree(answer.body()).path("access_token").asString();
        return true;
    }

    private boolean register() throws InterruptedException {
        ApiClient.Answer answer = api.send("POST", "/users", token, "{\"displayName\":\"" + account.displayNames.get(0)
                        + "\",\"email\":\"" + account.emails.get(0)
                        + "\",\"preferences\":{\"orderUpdates\":true,\"accountUpdates\":true}}",
                "Idempotency-Key", UUID.randomUUID().toString());
        if (answer.status() != 201) {
            ledger.anomalies.add(account.sub + ": registration answered " + answer.status() + " after "
                    + answer.attempts() + " attempt(s): " + abbreviate(answer.body()));
            return false;
        }
        account.registered = true;
        return true;
    }

    /** Returns the order id, or null when no attempt was acknowledged. */
    private String placeOrder(int k) throws InterruptedException {
        String sku = ledger.skuPrefix() + account.index + "-" + k;
        String body = "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + (1 + k % 3)
                + ",\"unitPrice\":{\"minorUnits\":" + (1000 + k) + ",\"currency\":\"EUR\"}}]}";
        ApiClient.Answer answer = api.send("POST", "/orders", token, body,
                "Idempotency-Key", UUID.randomUUID().toString());
        if (answer.status() != 201) {
            account.unacknowledged.add(sku);
            ledger.anomalies.add(account.sub + ": order " + sku + " not acknowledged: " + answer.status() + " after "
                    + answer.attempts() + " attempt(s): " + abbreviate(answer.body()));
            return null;
        }
        String location = answer.header("Location");
        String orderId = location.substring(location.lastIndexOf('/') + 1);
        account.ackedAt.put(orderId, Instant.now());
        account.ackedOrders.put(sku, orderId);
        String traceResponse = answer.header("traceresponse");
        if (answer.attempts() == 1 && traceResponse != null && traceResponse.split("-").length == 4) {
            // W3C traceresponse: version-traceid-spanid-flags
            ledger.tracedOrders.add(new Ledger.TracedOrder(traceResponse.split("-")[1],
                    answer.lastAttemptNanos() / 1_000_000.0));
        }
        return orderId;
    }

    private void cancel(String orderId) throws InterruptedException {
        ApiClient.Answer answer = api.send("POST", "/orders/" + orderId + "/cancel", token,
                "{\"reason\":\"changed my mind\"}", "Idempotency-Key", UUID.randomUUID().toString());
        if (answer.status() == 200) {
            account.cancelled.add(orderId);
        } else if (answer.status() == 409 && answer.attempts() > 1 && answer.body().contains("illegal-state")) {
            // The first attempt cancelled it but its answer was lost, and the key was not replayed.
            account.cancelled.add(orderId);
            ledger.anomalies.add(account.sub + ": cancelling " + orderId + " was applied by an earlier attempt, "
                    + "but the retry with the same Idempotency-Key got 409 instead of the first answer");
        } else {
            ledger.anomalies.add(account.sub + ": cancelling " + orderId + " answered " + answer.status() + ": "
                    + abbreviate(answer.body()));
        }
    }

    private void rename() throws InterruptedException {
        String wanted = "Renamed User " + account.index + " " + ledger.runId;
        for (int tries = 0; tries < 5; tries++) {
            ApiClient.Answer current = api.send("GET", "/users/" + account.sub, token, null);
            if (current.status() != 200) {
                ledger.anomalies.add(account.sub + ": reading itself answered " + current.status());
                return;
            }
            if (wanted.equals(JSON.readTree(current.body()).path("displayName").asString())) {
                account.displayNames.add(wanted);
                return;
            }
            ApiClient.Answer patched = api.send("PATCH", "/users/" + account.sub, token,
                    "{\"displayName\":\"" + wanted + "\"}", "If-Match", current.header("ETag"));
            if (patched.status() == 200) {
                account.displayNames.add(wanted);
                return;
            }
            if (patched.status() != 412) {
                ledger.anomalies.add(account.sub + ": renaming answered " + patched.status());
                return;
            }
            // 412: someone (or an earlier attempt of ours) changed it; read again and decide.
        }
    }

    private void closeAccount() throws InterruptedException {
        for (String orderId : new ArrayList<>(account.ackedOrders.values())) {
            if (!account.cancelled.contains(orderId)) {
                cancel(orderId);
            }
        }
        awaitNotifications();
        ApiClient.Answer deleted = api.send("DELETE", "/users/" + account.sub, token, null);
        if (deleted.status() == 204 || deleted.status() == 404 && deleted.attempts() > 1) {
            account.deletedAt = Instant.now();
        } else {
            ledger.anomalies.add(account.sub + ": deleting the account answered " + deleted.status());
        }
    }

    /** Polls GET /notifications until every expected one is there (bounded), noting when each order's came. */
    private void awaitNotifications() throws InterruptedException {
        if (closeWait.isZero()) {
            return;
        }
        int expected = 1 + account.ackedOrders.size() + account.cancelled.size();
        long until = System.currentTimeMillis() + closeWait.toMillis();
        while (System.currentTimeMillis() < until) {
            List<JsonNode> items = notifications(api, token);
            if (items == null) {
                return;
            }
            noteOrderNotifications(account, items);
            if (items.size() >= expected) {
                return;
            }
            Thread.sleep(500);
        }
        ledger.anomalies.add(account.sub + ": its notifications had not all come " + closeWait.toSeconds()
                + " s after its last request; deleting anyway");
    }

    /** Every notification of the caller, through the paginated API; null if the API would not answer. */
    static List<JsonNode> notifications(ApiClient api, String token) throws InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Answer page = api.send("GET", "/notifications?limit=100"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor,
                    java.nio.charset.StandardCharsets.UTF_8)), token, null);
            if (page.status() != 200) {
                return null;
            }
            JsonNode body = JSON.readTree(page.body());
            body.path("items").forEach(items::add);
            cursor = body.path("nextCursor").asString(null);
        } while (cursor != null);
        return items;
    }

    static void noteOrderNotifications(Ledger.Account account, List<JsonNode> items) {
        for (JsonNode item : items) {
            if (item.path("kind").asString().equals("ORDER_PLACED")) {
                String subject = item.path("subject").asString();
                String orderId = subject.replaceFirst("^Order ", "").replaceFirst(" placed$", "");
                account.notifiedAt.putIfAbsent(orderId, Instant.parse(item.path("createdAt").asString()));
            }
        }
    }

    String token() {
        return token;
    }

    Ledger.Account account() {
        return account;
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
