package io.eventsuite.adapters.wiring.priming;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK clients' HTTP client: the real one, except while {@link InMemoryAwsAnswers#answerInMemory} runs (SnapStart
 * priming), when each request is answered in memory and never sent. Everything above the transport (the SDK's
 * marshalling, signing, interceptors, response unmarshalling) runs as for a real call.
 *
 * <p>The scope is the whole JVM, not the priming thread: Lambda primes before it takes any invocation, so nothing else
 * calls AWS then, and a call the priming makes on another thread (a parallel stream, an executor) is held back too.
 */
public final class InMemoryPrimingTransport implements SdkHttpClient {

    private static final AtomicReference<InMemoryAwsAnswers> ANSWERING = new AtomicReference<>();

    private final SdkHttpClient network;

    private InMemoryPrimingTransport(SdkHttpClient network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /** A builder of {@code network}'s clients, each wrapped; the SDK builds and closes them with its own clients. */
    public static SdkHttpClient.Builder<?> around(SdkHttpClient.Builder<?> network) {
        return new Wrapping(Objects.requireNonNull(network, "network"));
    }

    private record Wrapping(SdkHttpClient.Builder<?> network) implements SdkHttpClient.Builder<Wrapping> {

        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return new InMemoryPrimingTransport(network.buildWithDefaults(serviceDefaults));
        }
    }

    /** Runs {@code priming} with every request answered by {@code answers}; nesting is refused. */
    static void answering(InMemoryAwsAnswers answers, Runnable priming) {
        if (!ANSWERING.compareAndSet(null, Objects.requireNonNull(answers, "answers"))) {
            throw new IllegalStateException("already answering in memory");
        }
        try {
            priming.run();
        } finally {
            ANSWERING.set(null);
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        InMemoryAwsAnswers answers = ANSWERING.get();
        if (answers == null) {
            return network.prepareRequest(request);
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return answers.answer(request);
            }

            @Override
            public void abort() {
                // nothing in flight
            }
        };
    }

    @Override
    public String clientName() {
        return network.clientName();
    }

    @Override
    public void close() {
        network.close();
    }
}
