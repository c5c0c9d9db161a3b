package io.eventsuite.localcloud.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The local cloud's dev identity provider: an RSA key made at start, and access tokens shaped like the
 * deployed pool's ({@code sub}, {@code client_id}, {@code token_use}, {@code scope}, {@code cognito:groups},
 * {@code username}, plus {@code email} and {@code email_verified}, which the pool's pre token generation
 * trigger adds to access tokens), signed with it. Only the local gateway trusts them. It exists only locally: nothing like
 * it is deployed.
 */
public final class DevTokenIssuer {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    /**
     * What a token is minted for. {@code scopes} and {@code lifetime} may be null (defaults); an email is
     * verified unless {@code emailVerified} says false (locally, signing in proves nothing: say what to test).
     */
    public record TokenRequest(String sub, String email, List<String> groups, List<String> scopes, Duration lifetime,
            boolean emailVerified) {

        public TokenRequest {
            Objects.requireNonNull(sub, "sub");
            groups = groups == null ? List.of() : List.copyOf(groups);
            scopes = scopes == null ? null : List.copyOf(scopes);
        }

        public TokenRequest(String sub, String email, List<String> groups, List<String> scopes, Duration lifetime) {
            this(sub, email, groups, scopes, lifetime, true);
        }
    }

    private final String issuer;
    private final String clientId;
    private final List<String> defaultScopes;
    private final RSAKey key;
    private final Clock clock;

    /**
     * @param issuer        the {@code iss} of every token (the gateway checks it)
     * @param clientId      the app client the tokens are for ({@code client_id}, the authorizer's audience)
     * @param defaultScopes the scopes a token gets unless the request names others
     */
    public DevTokenIssuer(String issuer, String clientId, List<String> defaultScopes, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.defaultScopes = List.copyOf(defaultScopes);
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("local-" + UUID.randomUUID().toString().substring(0, 8)).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make the dev issuer's RSA key", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public List<String> defaultScopes() {
        return defaultScopes;
    }

    /** The public key set, as an issuer's {@code jwks_uri} serves it. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** A signed access token. */
    public String mint(TokenRequest request) {
        Instant now = clock.instant();
        Duration lifetime = request.lifetime() == null ? DEFAULT_LIFETIME : request.lifetime();
        List<String> scopes = request.scopes() == null ? defaultScopes : request.scopes();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(request.sub())
                .claim("client_id", clientId)
                .claim("token_use", "access")
                .claim("scope", String.join(" ", scopes))
                .claim("auth_time", now.getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", request.sub());
        if (request.email() != null) {
            claims.claim("email", request.email());
            // A string, as the trigger copies it from Cognito's user attributes; API Gateway passes "true" either way.
            claims.claim("email_verified", Boolean.toString(request.emailVerified()));
        }
        if (!request.groups().isEmpty()) {
            claims.claim("cognito:groups", request.groups());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
    }
}
