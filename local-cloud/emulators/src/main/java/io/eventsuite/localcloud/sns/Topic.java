package io.eventsuite.localcloud.sns;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A standard topic: its ARN, the attributes it was created or updated with, and its subscriptions in order. */
final class Topic {
    final String name;
    final String arn;
    final Map<String, String> attributes = new ConcurrentHashMap<>();
    final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    Topic(String name, String arn) {
        this.name = name;
        this.arn = arn;
    }
}
