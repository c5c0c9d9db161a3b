package io.eventsuite.platform.auth;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The local cloud's dev issuer, as a function under {@code sam local start-api} learns it: where its key set is
 * served, its {@code iss}, the audience (the app client) and the scopes of this function's route, as the template's
 * authorizer declares them.
 *
 * <p>Only the local cloud's {@code env.json} names it (as system properties in {@code JAVA_TOOL_OPTIONS}, the one
 * variable SAM lets it override); the template never does, so a deployed function has none and trusts only API
 * Gateway's authorizer. A rule test keeps the template free of these names.
 *
 * @param jwksUri     the issuer's key set ({@code GET /local/jwks.json} of the local cloud)
 * @param issuer      the only {@code iss} accepted
 * @param audience    the app client: the token's {@code aud} or Cognito's {@code client_id} must name it
 * @param routeScopes the route's authorization scopes; the token needs one of them
 */
public record LocalIssuer(URI jwksUri, String issuer, String audience, List<String> routeScopes) {

    /** The prefix of every property; {@code EVENTSUITE_LOCALAUTH_...} as environment variables. */
    public static final String PROPERTY_PREFIX = "eventsuite.local-auth.";
    public static final String JWKS_URI = PROPERTY_PREFIX + "jwks-uri";
    public static final String ISSUER = PROPERTY_PREFIX + "issuer";
    public static final String AUDIENCE = PROPERTY_PREFIX + "audience";
    public static final String ROUTE_SCOPES = PROPERTY_PREFIX + "route-scopes";

    public LocalIssuer {
        routeScopes = List.copyOf(routeScopes);
    }

    /**
     * The local issuer named by {@code properties}, or empty when no key set is named (in AWS). A key set without
     * issuer, audience or route scopes is a broken {@code env.json}: refused at start, rather than checking less.
     */
    public static Optional<LocalIssuer> from(Function<String, String> properties) {
        String jwks = properties.apply(JWKS_URI);
        if (jwks == null || jwks.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new LocalIssuer(URI.create(jwks.strip()), required(properties, ISSUER),
                required(properties, AUDIENCE), Arrays.stream(required(properties, ROUTE_SCOPES).split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList()));
    }

    private static String required(Function<String, String> properties, String name) {
        String value = properties.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(JWKS_URI + " is set, so " + name + " must be too (see docs/local-cloud.md,"
                    + " sam local start-api)");
        }
        return value.strip();
    }
}
