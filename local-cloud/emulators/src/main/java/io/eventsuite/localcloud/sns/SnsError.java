package io.eventsuite.localcloud.sns;

/** An SNS error response: HTTP status, {@code Type} (Sender or Receiver), {@code Code} and {@code Message}. */
final class SnsError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String code;

    SnsError(int status, String type, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
    }

    static SnsError invalidParameter(String message) {
        return new SnsError(400, "Sender", "InvalidParameter", message);
    }

    /** SDK v2 maps code {@code ParameterValueInvalid} to {@code InvalidParameterValueException}. */
    static SnsError invalidParameterValue(String message) {
        return new SnsError(400, "Sender", "ParameterValueInvalid", message);
    }

    static SnsError notFound(String message) {
        return new SnsError(404, "Sender", "NotFound", message);
    }

    static SnsError internal(String message) {
        return new SnsError(500, "Receiver", "InternalError", message);
    }

    static SnsError sender(String code, String message) {
        return new SnsError(400, "Sender", code, message);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String code() {
        return code;
    }
}
