package io.eventsuite.localcloud.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A handler for the execution environment's tests: answers with what it received and what Lambda told it,
 * fails on "fail", sleeps 10 s on "sleep" and 1.5 s on "nap", and dies (its JVM halted) on "crash". Runs in the child JVM under the runtime interface client.
 */
public class EchoHandler implements RequestStreamHandler {

    private static int invocations;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        invocations++;
        if (event.contains("fail")) {
            throw new IllegalStateException("asked to fail");
        }
        if (event.contains("crash")) {
            Runtime.getRuntime().halt(137);
        }
        if (event.contains("nap")) {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (event.contains("sleep")) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.out.println("handling " + context.getAwsRequestId());
        String answer = "{\"event\":" + event + ",\"requestId\":\"" + context.getAwsRequestId()
                + "\",\"function\":\"" + context.getFunctionName() + "\",\"invocations\":" + invocations
                + ",\"greeting\":\"" + System.getenv("GREETING") + "\",\"home\":\"" + System.getenv("HOME")
                + "\",\"remainingMs\":" + context.getRemainingTimeInMillis()
                + ",\"pid\":" + ProcessHandle.current().pid() + "}";
        output.write(answer.getBytes(StandardCharsets.UTF_8));
    }
}
