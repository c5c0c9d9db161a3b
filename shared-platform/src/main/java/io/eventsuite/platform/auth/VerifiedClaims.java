package io.eventsuite.platform.auth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.eventsuite.domain.common.Caller;
import io.eventsuite.domain.common.Email;
import io.eventsuite.domain.common.InvalidInput;
import io.eventsuite.domain.common.UserId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of the caller's token as API Gateway's JWT authorizer verified them.
 *
 * <p>The authorizer has already checked signature, issuer, audience, expiry and the route's scopes; a
 * Lambda behind it only reads what it passed on. (Under {@code sam local}, which runs no authorizer,
 * {@link BearerTokenVerifier} makes the same checks and passes the claims on in the same form.) These claims are the only source of identity: a user id
 * in a body or a header is never trusted.
 *
 * @param subject the token's {@code sub}: the user id
 * @param email   the {@code email} claim, only if the token also says {@code email_verified} is true: Cognito ID
 *                tokens carry both, and our pre token generation trigger adds both to access tokens
 * @param scopes  granted OAuth scopes
 * @param groups  Cognito groups ({@code cognito:groups}); members of {@value #ADMIN_GROUP} are administrators
 */
public record VerifiedClaims(UserId subject, Optional<String> email, Set<String> scopes, Set<String> groups) {

    public static final String ADMIN_GROUP = "admin";

    /** Reads the claims, or empty when the event carries no verified identity (the route is then refused). */
    public static Optional<VerifiedClaims> from(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        var jwt = context.getAuthorizer().getJwt();
        return of(jwt.getClaims() == null ? Map.of() : jwt.getClaims(),
                jwt.getScopes() == null ? List.of() : jwt.getScopes());
    }

    /**
     * Reads claims as API Gateway passes them (every value a string), with the scopes it lists beside them; empty
     * when they name no usable subject.
     */
    public static Optional<VerifiedClaims> of(Map<String, String> claims, List<String> grantedScopes) {
        String sub = claims.get("sub");
        if (sub == null || sub.isBlank()) {
            return Optional.empty();
        }
        UserId subject;
        try {
            subject = new UserId(sub);
        } catch (InvalidInput unusable) {
            return Optional.empty();
        }
        Set<String> scopes = new HashSet<>(words(claims.get("scope")));
        scopes.addAll(grantedScopes);
        return Optional.of(new VerifiedClaims(subject, verifiedEmail(claims),
                Set.copyOf(scopes), Set.copyOf(groups(claims.get("cognito:groups")))));
    }

    public Caller caller() {
        return new Caller(subject, groups.contains(ADMIN_GROUP), email.flatMap(VerifiedClaims::asEmail));
    }

    /**
     * API Gateway flattens every claim to a string, so a JSON {@code true} arrives as "true"; an address the
     * identity provider has not verified counts as none.
     */
    private static Optional<String> verifiedEmail(Map<String, String> claims) {
        String email = claims.get("email");
        boolean verified = "true".equalsIgnoreCase(String.valueOf(claims.get("email_verified")).strip());
        return verified && email != null && !email.isBlank() ? Optional.of(email) : Optional.empty();
    }

    private static Optional<Email> asEmail(String raw) {
        try {
            return Optional.of(new Email(raw));
        } catch (InvalidInput unusable) {
            return Optional.empty();
        }
    }

    /**
     * Cognito groups arrive flattened into one string by API Gateway, either as {@code [admin support]} or as
     * a JSON-ish {@code ["admin","support"]}: accept both.
     */
    private static List<String> groups(String raw) {
        if (raw == null) {
            return List.of();
        }
        String inner = raw.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("[,\\s]+"))
                .map(g -> g.replace("\"", "").strip())
                .filter(g -> !g.isEmpty())
                .toList();
    }

    private static List<String> words(String raw) {
        return raw == null ? List.of() : Arrays.stream(raw.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
