package io.eventsuite.localcloud.aws;

import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The services the user already runs somewhere (LocalStack, moto server, any AWS-compatible endpoint, or AWS
 * itself) and the name prefix that keeps the local cloud's resources apart from what is already there. A service
 * without an endpoint runs on its embedded emulator.
 *
 * @param endpoints  the services pointed elsewhere, each with its endpoint
 * @param namePrefix put in front of every table, topic and queue name ({@code ""} for none)
 */
public record ExternalAws(Map<AwsService, URI> endpoints, String namePrefix) {

    /** Characters every one of DynamoDB, SNS and SQS accepts in a name. */
    private static final String NAME_CHARACTERS = "[A-Za-z0-9_-]*";

    public ExternalAws {
        // EnumMap's copy constructor refuses an empty map that is not an EnumMap itself.
        endpoints = Collections.unmodifiableMap(endpoints.isEmpty() ? new EnumMap<>(AwsService.class)
                : new EnumMap<>(endpoints));
        namePrefix = namePrefix == null ? "" : namePrefix;
        if (!namePrefix.matches(NAME_CHARACTERS)) {
            throw new IllegalArgumentException("--name-prefix takes letters, digits, '-' and '_' only (a table, "
                    + "topic and queue name must accept it), got \"" + namePrefix + "\"");
        }
        if (endpoints.containsKey(AwsService.SNS) && !endpoints.containsKey(AwsService.SQS)) {
            // An SNS elsewhere cannot deliver into the embedded ElasticMQ, which only this machine reaches.
            throw new IllegalArgumentException("--sns-endpoint needs --sqs-endpoint too: an SNS elsewhere cannot "
                    + "deliver to the embedded ElasticMQ (give --aws-endpoint for both)");
        }
    }

    /** Everything embedded, no prefix: the default. */
    public static ExternalAws none() {
        return new ExternalAws(Map.of(), "");
    }

    public Optional<URI> endpoint(AwsService service) {
        return Optional.ofNullable(endpoints.get(service));
    }

    public boolean isExternal(AwsService service) {
        return endpoints.containsKey(service);
    }

    /** Whether any service runs elsewhere. */
    public boolean any() {
        return !endpoints.isEmpty();
    }

    public Set<AwsService> external() {
        return endpoints.keySet();
    }
}
