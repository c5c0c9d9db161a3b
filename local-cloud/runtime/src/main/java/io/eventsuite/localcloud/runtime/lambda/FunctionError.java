package io.eventsuite.localcloud.runtime.lambda;

/**
 * The function reported an error for an invocation (or failed to initialize, or timed out), as the Lambda
 * service would report it to the caller: an error type and the error document the runtime posted.
 */
public final class FunctionError extends Exception {

    private final String errorType;
    private final String errorDocument;

    public FunctionError(String errorType, String errorDocument) {
        super(errorType + ": " + errorDocument, null, false, false);
        this.errorType = errorType;
        this.errorDocument = errorDocument;
    }

    public String errorType() {
        return errorType;
    }

    public String errorDocument() {
        return errorDocument;
    }
}
