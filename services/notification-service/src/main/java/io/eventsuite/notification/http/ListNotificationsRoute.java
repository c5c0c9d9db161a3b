package io.eventsuite.notification.http;

import io.eventsuite.domain.notification.ListingNotifications;
import io.eventsuite.domain.notification.Notification;
import io.eventsuite.platform.http.HttpRequest;
import io.eventsuite.platform.http.HttpResponse;
import io.eventsuite.platform.http.PageBody;
import io.eventsuite.platform.http.RouteHandler;
import java.time.Instant;

/** {@code GET /notifications?limit=20&cursor=...}: what was sent to the caller, newest first. */
final class ListNotificationsRoute implements RouteHandler {

    record NotificationBody(String id, String kind, String subject, String body, String status, String causedBy,
            Instant createdAt) {

        static NotificationBody of(Notification n) {
            return new NotificationBody(n.id().value(), n.kind().name(), n.subject(), n.body(), n.status().name(),
                    n.causedBy().value(), n.createdAt());
        }
    }

    private final ListingNotifications listing;

    ListNotificationsRoute(ListingNotifications listing) {
        this.listing = listing;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(PageBody.of(listing.list(request.caller(), request.page()), NotificationBody::of));
    }
}
