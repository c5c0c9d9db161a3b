package io.eventsuite.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What API Gateway's JWT authorizer does, for where none runs ({@code sam local start-api}): takes the token from
 * the {@code Authorization} header, checks its RS256 signature against the local issuer's key set, the issuer, the
 * audience ({@code aud} or Cognito's {@code client_id}) and the expiry, then the route's scopes, and hands on the
 * claims flattened to strings as API Gateway passes them, so {@link VerifiedClaims} reads them unchanged.
 *
 * <p>Every refusal is the authorizer's bare 401 or 403; neither the token nor why it failed is logged (a token
 * is a credential), only that the key set could not be fetched, which is a set-up problem to see.
 */
public final class BearerTokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(BearerTokenVerifier.class);

    /** The authorizer's verdict: the caller's claims, or the status API Gateway would refuse with. */
    public sealed interface Verdict {
    }

    public record Verified(VerifiedClaims claims) implements Verdict {
    }

    /** @param status 401 (no valid token) or 403 (valid, but without the route's scope) */
    public record Refused(int status) implements Verdict {
    }

    private final LocalIssuer issuer;
    private final DefaultJWTProcessor<SecurityContext> processor;

    public BearerTokenVerifier(LocalIssuer issuer) {
        this.issuer = issuer;
        this.processor = new DefaultJWTProcessor<>();
        try {
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                    JWKSourceBuilder.create(issuer.jwksUri().toURL()).retrying(false).build()));
        } catch (MalformedURLException | IllegalArgumentException notAUrl) {
            throw new IllegalStateException(LocalIssuer.JWKS_URI + " is not a URL: " + issuer.jwksUri(), notAUrl);
        }
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(null,
                new JWTClaimsSet.Builder().issuer(issuer.issuer()).build(), Set.of("sub", "exp"));
        claims.setMaxClockSkew(0); // API Gateway allows none either
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** @param authorization the {@code Authorization} header, {@code null} when there is none */
    public Verdict verify(String authorization) {
        JWTClaimsSet claims = verifiedClaims(authorization);
        if (claims == null || !audienceMatches(claims)) {
            return new Refused(401);
        }
        List<String> tokenScopes = scopes(claims);
        if (!issuer.routeScopes().isEmpty() && issuer.routeScopes().stream().noneMatch(tokenScopes::contains)) {
            return new Refused(403);
        }
        return VerifiedClaims.of(flatten(claims), tokenScopes)
                .<Verdict>map(Verified::new).orElseGet(() -> new Refused(401));
    }

    private JWTClaimsSet verifiedClaims(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        try {
            return processor.process(token, null);
        } catch (KeySourceException unreachable) {
            LOG.warn("cannot fetch the local issuer's key set from {}; is the local cloud running?", issuer.jwksUri());
            return null;
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException refused) {
            return null;
        }
    }

    private boolean audienceMatches(JWTClaimsSet claims) {
        List<String> presented = new ArrayList<>(claims.getAudience());
        Object clientId = claims.getClaim("client_id");
        if (clientId != null) {
            presented.add(String.valueOf(clientId));
        }
        return presented.contains(issuer.audience());
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope") != null ? claims.getClaim("scope") : claims.getClaim("scp");
        if (scope instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return scope == null ? List.of() : List.of(String.valueOf(scope).strip().split("\\s+"));
    }

    /** API Gateway's rendering of claims: every value a string, arrays as {@code [a b]}, dates as epoch seconds. */
    private static Map<String, String> flatten(JWTClaimsSet claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> flat.put(name, asGatewayString(value)));
        return flat;
    }

    private static String asGatewayString(Object value) {
        return switch (value) {
            case Date date -> Long.toString(date.toInstant().getEpochSecond());
            case Collection<?> list -> "[" + String.join(" ",
                    list.stream().map(BearerTokenVerifier::asGatewayString).toList()) + "]";
            default -> String.valueOf(value);
        };
    }
}
