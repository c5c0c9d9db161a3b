package io.eventsuite.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.benchmarks.coldstart.ColdStartBenchmark.Options;
import io.eventsuite.benchmarks.coldstart.ColdStartBenchmark.Result;
import io.eventsuite.benchmarks.coldstart.ColdStartBenchmark.Variant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cold-start benchmark still runs end to end: one round, no warm-up round, both functions with the JIT as in
 * Lambda. It builds the function's artifact with make (a copy when the Makefile's stamps are fresh), starts the
 * emulators, and starts each function once; it fails only when a function does not answer 200 with the order. The
 * figures it prints are not looked at.
 */
class ColdStartBenchmarkSmokeTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void bothFunctionsStartAndAnswerWithTheOrder() {
        Result result = ColdStartBenchmark.run(new Options(1, 0, List.of(Variant.SPRING, Variant.PLAIN)),
                line -> System.out.println("  " + line));
        System.out.println(result.table());

        assertThat(result.samples()).extracting(ColdStartBenchmark.Sample::variant)
                .containsExactlyInAnyOrder(Variant.SPRING, Variant.PLAIN);
        assertThat(result.coldRatio(Variant.SPRING, Variant.PLAIN).count()).isEqualTo(1);
    }

    @Test
    void argumentsAreRead() {
        Options options = Options.parse("--rounds=3", "warmup-rounds=0", "variants=plain,spring-c2");
        assertThat(options.rounds()).isEqualTo(3);
        assertThat(options.warmupRounds()).isZero();
        assertThat(options.variants()).containsExactly(Variant.PLAIN, Variant.SPRING_C2);
        assertThat(Options.parse()).isEqualTo(Options.DEFAULT);
    }
}
