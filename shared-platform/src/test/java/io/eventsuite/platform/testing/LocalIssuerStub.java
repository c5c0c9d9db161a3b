package io.eventsuite.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.eventsuite.platform.auth.LocalIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The local cloud's dev issuer as a function under {@code sam local} meets it: a key set served on loopback, and
 * access tokens shaped like the pool's, signed with its key, or, for the refusals, with another key, expired, from
 * another issuer or for another client. {@link #properties} are what the local cloud's env.json gives the function.
 */
public final class LocalIssuerStub implements AutoCloseable {

    public static final String AUDIENCE = "local-client";

    private final RSAKey key = rsaKey("local-1");
    private final RSAKey otherKey = rsaKey("local-1"); // same key id, another key: a forgery
    private final HttpServer server;

    public LocalIssuerStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/local/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/local";
    }

    /** The function's settings, as env.json carries them, for a route that needs {@code routeScope}. */
    public Map<String, String> properties(String routeScope) {
        return Map.of(LocalIssuer.JWKS_URI, URI.create(issuer() + "/jwks.json").toString(),
                LocalIssuer.ISSUER, issuer(), LocalIssuer.AUDIENCE, AUDIENCE, LocalIssuer.ROUTE_SCOPES, routeScope);
    }

    /** A dev token for {@code sub} with {@code scopes}, valid for an hour. */
    public String token(String sub, List<String> scopes) {
        return sign(key, claims(sub, scopes, issuer(), AUDIENCE, Duration.ofHours(1)));
    }

    /** The same token, signed with a key the issuer does not have. */
    public String forged(String sub, List<String> scopes) {
        return sign(otherKey, claims(sub, scopes, issuer(), AUDIENCE, Duration.ofHours(1)));
    }

    public String expired(String sub, List<String> scopes) {
        return sign(key, claims(sub, scopes, issuer(), AUDIENCE, Duration.ofMinutes(-5)));
    }

    public String fromIssuer(String otherIssuer, String sub, List<String> scopes) {
        return sign(key, claims(sub, scopes, otherIssuer, AUDIENCE, Duration.ofHours(1)));
    }

    public String forClient(String otherClient, String sub, List<String> scopes) {
        return sign(key, claims(sub, scopes, issuer(), otherClient, Duration.ofHours(1)));
    }

    private static JWTClaimsSet claims(String sub, List<String> scopes, String issuer, String clientId,
            Duration lifetime) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject(sub).claim("client_id", clientId)
                .claim("token_use", "access").claim("scope", String.join(" ", scopes)).claim("username", sub)
                .issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.plus(lifetime))).build();
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
