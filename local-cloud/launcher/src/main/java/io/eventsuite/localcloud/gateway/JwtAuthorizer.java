package io.eventsuite.localcloud.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * What API Gateway's JWT authorizer does for an HTTP API route: takes the token from the identity source (the
 * {@code Authorization} header, with or without {@code Bearer }), checks the signature against the issuer's keys,
 * the issuer, the expiry ({@code exp} required, {@code nbf} and {@code iat} not in the future) and the audience
 * ({@code aud}, or Cognito's {@code client_id}). A failure is 401. Then the route's scopes: the token's
 * {@code scope} (or {@code scp}) must hold one of them, else 403.
 *
 * <p>The claims reach the function as API Gateway passes them: every value a string, arrays as
 * {@code [a b]}, dates as epoch seconds.
 */
public final class JwtAuthorizer {

    /** The verdict: a status (200 allowed, 401, 403), and for an allowed request its claims and scopes. */
    public record Decision(int status, Map<String, String> claims, List<String> scopes) {

        public boolean allowed() {
            return status == 200;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String header;
    private final String issuer;
    private final Set<String> audiences;
    private final JWKSet keys;
    private final Clock clock;

    /**
     * @param header    the request header holding the token, lower-cased
     * @param issuer    the only issuer accepted
     * @param audiences accepted audiences (empty: no audience check)
     * @param keys      the issuer's public keys
     */
    public JwtAuthorizer(String header, String issuer, Collection<String> audiences, JWKSet keys, Clock clock) {
        this.header = header.toLowerCase(Locale.ROOT);
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.keys = keys;
        this.clock = clock;
    }

    public String header() {
        return header;
    }

    /**
     * @param headerValue the identity source's value, or {@code null} when the request had none
     * @param routeScopes the route's authorization scopes (empty: any valid token)
     */
    public Decision authorize(String headerValue, List<String> routeScopes) {
        JWTClaimsSet claims = verify(headerValue);
        if (claims == null) {
            return new Decision(401, null, null);
        }
        List<String> tokenScopes = scopes(claims);
        if (!routeScopes.isEmpty() && routeScopes.stream().noneMatch(tokenScopes::contains)) {
            return new Decision(403, null, null);
        }
        return new Decision(200, flatten(claims), routeScopes.isEmpty() ? null : tokenScopes);
    }

    private JWTClaimsSet verify(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return null;
        }
        String token = headerValue.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return null;
            }
            JWK jwk = jwt.getHeader().getKeyID() == null ? null : keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (!(jwk instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                return null;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Date exp = claims.getExpirationTime();
            if (!issuer.equals(claims.getIssuer()) || exp == null || !exp.toInstant().isAfter(now)) {
                return null;
            }
            if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now)) {
                return null;
            }
            if (claims.getIssueTime() != null && claims.getIssueTime().toInstant().isAfter(now.plusSeconds(1))) {
                return null;
            }
            if (!audiences.isEmpty()) {
                List<String> presented = new ArrayList<>();
                if (claims.getAudience() != null) {
                    presented.addAll(claims.getAudience());
                }
                Object clientId = claims.getClaim("client_id");
                if (clientId != null) {
                    presented.add(String.valueOf(clientId));
                }
                if (presented.stream().noneMatch(audiences::contains)) {
                    return null;
                }
            }
            return claims;
        } catch (ParseException | JOSEException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            scope = claims.getClaim("scp");
        }
        if (scope instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return scope == null ? List.of() : Arrays.stream(String.valueOf(scope).split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
    }

    /** API Gateway's rendering of claims: strings, arrays as "[a b]", dates as epoch seconds. */
    static Map<String, String> flatten(JWTClaimsSet claims) {
        Map<String, String> out = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> out.put(name, render(value)));
        return out;
    }

    private static String render(Object value) {
        if (value instanceof Date date) {
            return Long.toString(date.toInstant().getEpochSecond());
        }
        if (value instanceof Collection<?> list) {
            return "[" + String.join(" ", list.stream().map(JwtAuthorizer::render).toList()) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            return JSON.writeValueAsString(map);
        }
        return String.valueOf(value);
    }
}
