package io.eventsuite.benchmarks.coldstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time (user plus system, all threads) a function's JVM has used so far, read from Linux's {@code /proc}: on a
 * machine shared with other builds, wall-clock cold starts spread several-fold with the load, while the CPU a start
 * needs hardly changes. The JVM is found by a marker variable in its environment (the benchmark's own processes'
 * environments are readable). Empty where there is no {@code /proc}.
 */
final class ProcessCpu {

    static final String MARKER = "EVENTSUITE_BENCH_MARKER";
    /** {@code /proc/<pid>/stat} counts in clock ticks: 100 per second on Linux (USER_HZ). */
    private static final double MILLIS_PER_TICK = 10;

    private ProcessCpu() {
    }

    /** The process whose environment holds {@code MARKER=value}. */
    static Optional<Long> find(String value) {
        byte[] wanted = (MARKER + "=" + value).getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> holds(p.resolve("environ"), wanted))
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** User plus system CPU milliseconds of the process so far; NaN when it cannot be read. */
    static double millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may hold spaces, in parentheses): state is field 3, utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static boolean holds(Path environ, byte[] wanted) {
        try {
            byte[] bytes = Files.readAllBytes(environ);
            outer:
            for (int i = 0; i + wanted.length <= bytes.length; i++) {
                for (int j = 0; j < wanted.length; j++) {
                    if (bytes[i + j] != wanted[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
