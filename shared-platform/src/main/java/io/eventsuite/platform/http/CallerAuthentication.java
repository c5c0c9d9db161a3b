package io.eventsuite.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.eventsuite.platform.auth.BearerTokenVerifier;
import io.eventsuite.platform.auth.VerifiedClaims;
import java.util.Map;

/**
 * Where a route's caller comes from. In AWS: only the claims API Gateway's JWT authorizer put into the event; the
 * {@code Authorization} header is ignored (the authorizer has checked it, and nothing else may stand in for it).
 * Under {@code sam local start-api}, which runs no JWT authorizer, and only when the local cloud's {@code env.json}
 * names its issuer: the bearer token, verified here as the authorizer would, refused as the authorizer would.
 */
public final class CallerAuthentication {

    /** Trusts the authorizer's claims only: what every deployed function does. */
    public static final CallerAuthentication AUTHORIZER = new CallerAuthentication(null);

    private final BearerTokenVerifier localTokens;

    private CallerAuthentication(BearerTokenVerifier localTokens) {
        this.localTokens = localTokens;
    }

    /** Verifies the bearer token itself, against the local cloud's dev issuer ({@code sam local start-api}). */
    public static CallerAuthentication verifyingBearerTokens(BearerTokenVerifier localTokens) {
        return new CallerAuthentication(localTokens);
    }

    /**
     * @param headers the request's headers, names lower-cased
     * @throws RequestRejected  401 problem when the authorizer passed no claims (AWS)
     * @throws GatewayRefusal   API Gateway's bare 401 or 403 for a token that fails a check (sam local)
     */
    VerifiedClaims caller(APIGatewayV2HTTPEvent event, Map<String, String> headers) {
        if (localTokens == null) {
            return VerifiedClaims.from(event).orElseThrow(() -> new RequestRejected(ProblemType.UNAUTHENTICATED,
                    "the request carries no verified identity; send a valid bearer token"));
        }
        return switch (localTokens.verify(headers.get("authorization"))) {
            case BearerTokenVerifier.Verified verified -> verified.claims();
            case BearerTokenVerifier.Refused refused -> throw new GatewayRefusal(refused.status());
        };
    }
}
