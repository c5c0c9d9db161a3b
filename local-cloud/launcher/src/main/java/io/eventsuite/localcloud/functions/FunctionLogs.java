package io.eventsuite.localcloud.functions;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The functions' output (their JSON log lines, one per line), printed with the function's name in front and kept
 * in memory (the last lines of each function) so that a test or a tool can search them.
 */
public final class FunctionLogs {

    private static final int KEPT_PER_FUNCTION = 5_000;

    private final PrintStream out;
    private final boolean print;
    private final Map<String, Deque<String>> lines = new ConcurrentHashMap<>();

    /**
     * @param out   where lines are printed
     * @param print whether to print at all (they are kept either way)
     */
    public FunctionLogs(PrintStream out, boolean print) {
        this.out = out;
        this.print = print;
    }

    /** Where one function's lines go. */
    public Consumer<String> sink(String functionName) {
        Deque<String> kept = lines.computeIfAbsent(functionName, k -> new ArrayDeque<>());
        return line -> {
            synchronized (kept) {
                if (kept.size() == KEPT_PER_FUNCTION) {
                    kept.removeFirst();
                }
                kept.addLast(line);
            }
            if (print) {
                out.println("[" + functionName + "] " + line);
            }
        };
    }

    /** The lines kept for a function, oldest first. */
    public List<String> lines(String functionName) {
        Deque<String> kept = lines.get(functionName);
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }
}
