package io.eventsuite.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of the local cloud: its launcher JVM and every process under it (the functions'
 * JVMs, dynalite), sampled from {@code /proc} twice a second. CPU is the growth of each process's user+system
 * time over the run (a process that ends between two samples loses its last half second); memory is the peak of
 * the summed resident sets.
 */
final class ProcessTreeSampler implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final ProcessHandle root;
    private final Map<Long, Long> firstTicks = new HashMap<>();
    private final Map<Long, Long> lastTicks = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;
    private long peakRssBytes;
    private int peakProcesses;

    private ProcessTreeSampler(ProcessHandle root) {
        this.root = root;
        sample();
        this.sampler = Thread.ofPlatform().daemon().name("process-tree-sampler").start(() -> {
            while (running.get()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                sample();
            }
        });
    }

    /**
     * The local cloud's launcher serving {@code apiPort}: the JVM running {@code io.eventsuite.localcloud.LocalCloud}
     * with that {@code --port} (or none, for 3000). Several may run on a shared machine.
     */
    static Optional<ProcessHandle> findLocalCloud(int apiPort) {
        return ProcessHandle.allProcesses().filter(p -> {
            String command = commandLine(p.pid());
            return command.contains("io.eventsuite.localcloud.LocalCloud")
                    && (command.contains("--port=" + apiPort + " ") || command.endsWith("--port=" + apiPort)
                    || apiPort == 3000 && !command.contains("--port="));
        }).findFirst();
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ')
                    .trim();
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    static ProcessTreeSampler of(ProcessHandle root) {
        return new ProcessTreeSampler(root);
    }

    private synchronized void sample() {
        long rss = 0;
        int processes = 0;
        for (ProcessHandle p : (Iterable<ProcessHandle>) Stream.concat(Stream.of(root), root.descendants())::iterator) {
            long[] stat = stat(p.pid());
            if (stat == null) {
                continue;
            }
            processes++;
            firstTicks.putIfAbsent(p.pid(), stat[0]);
            lastTicks.put(p.pid(), stat[0]);
            rss += stat[1];
        }
        peakRssBytes = Math.max(peakRssBytes, rss);
        peakProcesses = Math.max(peakProcesses, processes);
    }

    /** {utime+stime in ticks, rss in bytes}, or null if the process is gone. */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            String statm = Files.readString(Path.of("/proc", Long.toString(pid), "statm"));
            long pages = Long.parseLong(statm.split(" ")[1]);
            return new long[] {ticks, pages * 4096};
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    synchronized double cpuSeconds() {
        long ticks = 0;
        for (var e : lastTicks.entrySet()) {
            ticks += e.getValue() - firstTicks.get(e.getKey());
        }
        return ticks / (double) CLOCK_TICKS_PER_SECOND;
    }

    synchronized long peakRssBytes() {
        return peakRssBytes;
    }

    synchronized int peakProcesses() {
        return peakProcesses;
    }

    @Override
    public void close() {
        running.set(false);
        sampler.interrupt();
        sample();
    }
}
