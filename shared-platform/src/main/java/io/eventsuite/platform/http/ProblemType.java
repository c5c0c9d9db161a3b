package io.eventsuite.platform.http;

/**
 * The catalogue of errors the API can answer with, each with a stable RFC 9457 {@code type} URI.
 *
 * <p>Clients branch on {@link #uri()}, never on the human-readable title or detail, so these URIs are part
 * of the API contract: add new ones, never rename. They are listed for clients in docs/api.md.
 */
public enum ProblemType {
    MALFORMED_JSON(400, "malformed-json", "The request body is not valid JSON"),
    UNKNOWN_FIELD(400, "unknown-field", "The request body has a field this API does not accept"),
    INVALID_REQUEST(400, "invalid-request", "The request is not well formed"),
    UNAUTHENTICATED(401, "unauthenticated", "No valid identity came with the request"),
    EMAIL_NOT_VERIFIED(403, "email-not-verified", "The email is not the verified address of the caller's token"),
    NOT_FOUND(404, "not-found", "No such resource"),
    ALREADY_EXISTS(409, "already-exists", "The resource already exists"),
    ILLEGAL_STATE_TRANSITION(409, "illegal-state-transition", "The resource cannot make that change from its current state"),
    CONCURRENT_MODIFICATION(409, "concurrent-modification", "The resource was changed by someone else meanwhile; retry"),
    IDEMPOTENCY_IN_PROGRESS(409, "idempotency-key-in-progress", "A request with this Idempotency-Key is still being processed"),
    VERSION_MISMATCH(412, "version-mismatch", "The resource's version does not match If-Match"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request body must be application/json"),
    INVALID_INPUT(422, "invalid-input", "The request has invalid values"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "This Idempotency-Key was used with a different request"),
    PRECONDITION_REQUIRED(428, "precondition-required", "This change needs an If-Match header with the current version"),
    INTERNAL(500, "internal", "Something went wrong on our side; it was logged"),
    EVENT_BACKLOG_FULL(503, "event-backlog-full",
            "Too many of this resource's events are still waiting to be published; retry later");

    private static final String BASE = "urn:eventsuite:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }
}
