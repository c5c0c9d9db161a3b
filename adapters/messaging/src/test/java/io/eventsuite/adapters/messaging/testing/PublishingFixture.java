package io.eventsuite.adapters.messaging.testing;

import io.eventsuite.adapters.messaging.resilience.LambdaSdkClients;
import io.eventsuite.adapters.messaging.resilience.PublishingResilience;
import io.eventsuite.adapters.messaging.resilience.PublishingResilienceConfig;
import io.eventsuite.adapters.messaging.sns.SnsEventPublisher;
import io.eventsuite.localcloud.LocalEmulators;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SNS transport as a service wires it (a {@link LambdaSdkClients} client, its own resilience and metrics), pointed
 * at the stand-in, with a {@link RecordingInterceptor} on the client.
 */
public final class PublishingFixture implements AutoCloseable {

    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final RecordingInterceptor recorder = new RecordingInterceptor();
    public final SnsClient sns;
    public final PublishingResilience resilience;
    public final SnsEventPublisher publisher;

    private PublishingFixture(String topicArn, PublishingResilienceConfig config, Clock clock) {
        sns = LambdaSdkClients.configure(SnsClient.builder(), config, o -> o.addExecutionInterceptor(recorder))
                .endpointOverride(LocalAws.get().snsEndpoint())
                .region(Region.of(LocalAws.REGION))
                .credentialsProvider(LocalEmulators.CREDENTIALS)
                .build();
        resilience = PublishingResilience.create("sns-" + topicArn.substring(topicArn.lastIndexOf(':') + 1),
                config, meters, clock);
        publisher = new SnsEventPublisher(sns, topicArn, TestEvents.CODEC, TestEvents.JSON, resilience);
    }

    public static PublishingFixture forTopic(String topicArn) {
        return forTopic(topicArn, PublishingResilienceConfig.DEFAULTS, Clock.systemUTC());
    }

    public static PublishingFixture forTopic(String topicArn, PublishingResilienceConfig config, Clock clock) {
        return new PublishingFixture(topicArn, config, clock);
    }

    /** A retry or breaker metric of this fixture's resilience. */
    public double metric(String name, String... tags) {
        String[] all = new String[tags.length + 2];
        all[0] = "name";
        all[1] = resilience.retry().getName();
        System.arraycopy(tags, 0, all, 2, tags.length);
        return Meters.value(meters, name, all);
    }

    @Override
    public void close() {
        sns.close();
    }
}
