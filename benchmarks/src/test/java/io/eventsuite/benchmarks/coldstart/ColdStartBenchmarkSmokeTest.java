package io.eventsuite.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsuite.benchmarks.coldstart.ColdStartBenchmark.Options;
import io.eventsuite.benchmarks.coldstart.ColdStartBenchmark.PackageSize;
import io.eventsuite.benchmarks.coldstart.ColdStartBenchmark.Result;
import io.eventsuite.benchmarks.coldstart.ColdStartBenchmark.Sample;
import io.eventsuite.benchmarks.coldstart.ColdStartBenchmark.Variant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cold-start benchmark still runs end to end: one round, no warm-up round, the three functions as the template
 * runs them, without Spring AOT, without tracing, primed as SnapStart would (CRaC hooks in the same JVM) and as plain
 * handlers, with the JIT as in Lambda. It builds the functions' artifacts with make (a copy when the
 * Makefile's stamps are fresh), starts the emulators, and starts each (function, variant) once; it fails only when a
 * start does not do its work (each workload's check). The figures it prints are not looked at.
 */
class ColdStartBenchmarkSmokeTest {

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyFunctionStartsInEveryVariantAndDoesItsWork() {
        List<String> functions = List.of("get-order", "place-order", "send-notifications");
        List<Variant> variants = List.of(Variant.SPRING, Variant.NO_AOT, Variant.UNTRACED, Variant.PRIMED,
                Variant.PLAIN);
        Result result = ColdStartBenchmark.run(new Options(1, 0, variants, functions),
                line -> System.out.println("  " + line));
        System.out.println(result.table());

        assertThat(result.samples()).extracting(s -> s.function() + "/" + s.variant().id)
                .containsExactlyInAnyOrder("get-order/spring", "get-order/spring-no-aot", "get-order/spring-untraced",
                        "get-order/spring-primed", "get-order/plain", "place-order/spring", "place-order/spring-no-aot",
                        "place-order/spring-untraced", "place-order/spring-primed", "place-order/plain",
                        "send-notifications/spring", "send-notifications/spring-no-aot",
                        "send-notifications/spring-untraced", "send-notifications/spring-primed",
                        "send-notifications/plain");
        for (String function : functions) {
            assertThat(result.coldRatio(function, Variant.SPRING, Variant.PLAIN).count()).isEqualTo(1);
            // The primed start ran under SnapStartHandler, which timed both invocations inside the handler.
            assertThat(result.firstOverWarm(function, Variant.PRIMED).count()).isEqualTo(1);
        }
    }

    /** Each archive variant trains, writes its archive and starts from it; a JVM that cannot map it fails the start. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theClassArchiveVariantsStartFromTheirArchives() {
        Result result = ColdStartBenchmark.run(new Options(1, 0, List.of(Variant.SPRING_CDS, Variant.PLAIN_AOT_CACHE),
                List.of("get-order")), line -> System.out.println("  " + line));
        System.out.println(result.table());

        assertThat(result.samples()).extracting(s -> s.function() + "/" + s.variant().id)
                .containsExactlyInAnyOrder("get-order/spring-cds", "get-order/plain-aot-cache");
    }

    @Test
    void argumentsAreRead() {
        Options options = Options.parse("--rounds=3", "warmup-rounds=0", "variants=plain,spring-c2",
                "functions=send-notifications,get-order");
        assertThat(options.rounds()).isEqualTo(3);
        assertThat(options.warmupRounds()).isZero();
        assertThat(options.variants()).containsExactly(Variant.PLAIN, Variant.SPRING_C2);
        assertThat(options.functions()).containsExactly("send-notifications", "get-order");
        assertThat(Options.parse()).isEqualTo(Options.DEFAULT);
    }

    @Test
    void theBaselineVariantIsBuiltFromTheCheckoutNamedWithIt() {
        Path checkout = ColdStartBenchmark.projectRoot();

        Options options = Options.parse("variants=spring,spring-baseline", "baseline=" + checkout);

        assertThat(options.baseline()).isEqualTo(checkout.toAbsolutePath().normalize());
        assertThatThrownBy(() -> Options.parse("variants=spring,spring-baseline"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline=<checkout>");
        assertThatThrownBy(() -> Options.parse("variants=spring", "baseline=" + checkout.resolve("docs")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spring-baseline");
    }

    /** Priming measured with and without a change in one run: the baseline's build, primed as SnapStart would. */
    @Test
    void theBaselineCanBePrimedToo() {
        Path checkout = ColdStartBenchmark.projectRoot();

        Options options = Options.parse("variants=spring-primed,spring-baseline-primed", "baseline=" + checkout);

        assertThat(options.variants()).containsExactly(Variant.PRIMED, Variant.BASELINE_PRIMED);
        assertThat(Variant.BASELINE_PRIMED.snapStartHandler()).isTrue();
        assertThatThrownBy(() -> Options.parse("variants=spring-baseline-primed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline=<checkout>");
    }

    @Test
    void theTableSetsTheFirstInvocationAgainstAWarmOneForBothPrimedBuilds() {
        Options options = Options.parse("rounds=1", "warmup-rounds=0", "functions=get-order",
                "variants=spring-primed,spring-baseline-primed", "baseline=" + ColdStartBenchmark.projectRoot());
        List<Sample> samples = List.of(
                new Sample("get-order", Variant.PRIMED, 1, Duration.ofSeconds(2), Duration.ofMillis(15), "200", 15, 10,
                        12, 8, 0, 2_500),
                new Sample("get-order", Variant.BASELINE_PRIMED, 1, Duration.ofSeconds(2), Duration.ofMillis(15), "200",
                        30, 10, 24, 8, 0, 2_500));
        Map<String, PackageSize> packages = Map.of("get-order/spring", new PackageSize(131, 45_000_000),
                "get-order/baseline", new PackageSize(131, 45_000_000));

        String table = new Result(options, samples, packages).table();

        assertThat(table).containsPattern("first / warm invocation, spring-primed +C1 only +1\\.50")
                .containsPattern("first / warm invocation, spring-baseline-primed +C1 only +3\\.00");
    }
}
