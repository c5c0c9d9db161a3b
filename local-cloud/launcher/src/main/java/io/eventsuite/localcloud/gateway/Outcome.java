package io.eventsuite.localcloud.gateway;

/**
 * How the gateway answered a request, with what the access log says about it.
 *
 * @param target what answered: a function's logical id, {@code local}, {@code cors} or {@code -} (the gateway)
 * @param note   appended to the access log line, such as {@code " (cold start)"}; empty for none
 */
record Outcome(String target, ApiGatewayV2.Response response, String note) {

    /** An answer of the gateway itself, before any function. */
    static Outcome gateway(String target, ApiGatewayV2.Response response) {
        return new Outcome(target, response, "");
    }
}
