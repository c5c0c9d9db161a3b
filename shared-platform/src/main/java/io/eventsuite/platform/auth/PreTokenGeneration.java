package io.eventsuite.platform.auth;

import com.amazonaws.services.lambda.runtime.Context;
import io.eventsuite.platform.observability.InvocationLogContext;
import io.eventsuite.platform.observability.LambdaContexts;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cognito's pre token generation trigger, event version 2 ({@code V2_0}, which may change access tokens and
 * needs the user pool's Essentials or Plus feature plan).
 *
 * <p>It decides two things about every access token the pool issues to a signed-in user:
 * <ul>
 *   <li>its API scopes: exactly those the user's groups grant ({@link ApiScopeGrants}). It adds them (tokens
 *       from {@code InitiateAuth} carry none by themselves) and suppresses any other API scope a client asked
 *       for (the hosted sign-in's code flow grants what the app client allows, whoever signs in).</li>
 *   <li>the caller's {@code email} and {@code email_verified}, copied from the user's attributes: Cognito puts
 *       them only into ID tokens, and the API takes only an address the token proves (see {@link
 *       VerifiedClaims}). Strings, as the attributes are and as API Gateway passes every claim.</li>
 * </ul>
 * An event without groups or attributes (the SnapStart priming event, say) grants nothing. The log line names
 * the groups and scopes, never the user or the address.
 */
public final class PreTokenGeneration {

    private static final Logger LOG = LoggerFactory.getLogger(PreTokenGeneration.class);
    private static final TypeReference<Map<String, Object>> EVENT = new TypeReference<>() {
    };

    /** Lenient on purpose: Cognito adds fields to its events, and the answer must repeat them all. */
    private final JsonMapper json = JsonMapper.builder().build();
    private final ApiScopeGrants grants;

    public PreTokenGeneration(ApiScopeGrants grants) {
        this.grants = grants;
    }

    public PreTokenGenerationFunction function() {
        return message -> handle(message.getPayload(), LambdaContexts.of(message));
    }

    Map<String, Object> handle(InputStream eventBytes, Context lambda) {
        try (var ignored = InvocationLogContext.open(lambda, lambda == null ? null : lambda.getAwsRequestId(), null)) {
            Map<String, Object> event = json.readValue(eventBytes, EVENT);
            JsonNode request = json.valueToTree(event).path("request");
            List<String> groups = strings(request.path("groupConfiguration").path("groupsToOverride"));
            Set<String> granted = grants.grantedTo(groups);
            List<String> suppressed = strings(request.path("scopes")).stream()
                    .filter(scope -> grants.apiScopes().contains(scope) && !granted.contains(scope))
                    .toList();

            Map<String, Object> accessToken = new LinkedHashMap<>();
            Map<String, String> claims = emailClaims(request.path("userAttributes"));
            if (!claims.isEmpty()) {
                accessToken.put("claimsToAddOrOverride", claims);
            }
            accessToken.put("scopesToAdd", List.copyOf(granted));
            if (!suppressed.isEmpty()) {
                accessToken.put("scopesToSuppress", suppressed);
            }
            event.put("response", Map.of("claimsAndScopeOverrideDetails", Map.of("accessTokenGeneration", accessToken)));
            LOG.info("{}: groups {} granted scopes {}", event.get("triggerSource"), groups, granted);
            return event;
        }
    }

    private static Map<String, String> emailClaims(JsonNode attributes) {
        Map<String, String> claims = new LinkedHashMap<>();
        String email = attributes.path("email").asString(null);
        if (email != null && !email.isBlank()) {
            claims.put("email", email);
            claims.put("email_verified", Boolean.toString("true".equalsIgnoreCase(
                    attributes.path("email_verified").asString("false").strip())));
        }
        return claims;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> {
                if (n.isString() && !n.asString().isBlank()) {
                    out.add(n.asString());
                }
            });
        }
        return out;
    }
}
