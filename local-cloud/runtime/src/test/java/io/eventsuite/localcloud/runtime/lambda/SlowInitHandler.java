package io.eventsuite.localcloud.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A handler whose construction (Lambda's init phase) takes {@code INIT_SLEEP_MS}, as a Spring context does. */
public class SlowInitHandler implements RequestStreamHandler {

    public SlowInitHandler() throws InterruptedException {
        Thread.sleep(Long.parseLong(System.getenv().getOrDefault("INIT_SLEEP_MS", "0")));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write("{\"initialized\":true}".getBytes(StandardCharsets.UTF_8));
    }
}
