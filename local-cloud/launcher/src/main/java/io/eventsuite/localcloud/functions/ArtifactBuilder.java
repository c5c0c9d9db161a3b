package io.eventsuite.localcloud.functions;

import io.eventsuite.localcloud.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the layers and functions the way {@code sam build} does for {@code BuildMethod: makefile}: runs
 * {@code make build-<LogicalId> ARTIFACTS_DIR=<dir>} in the resource's context folder, one resource at a time,
 * into {@code <outputDir>/<LogicalId>}. The Makefile's stamps keep a build with no source change to copying.
 */
public final class ArtifactBuilder {

    /** Where a function's code ended up, and what Lambda would put on its classpath. */
    public record Artifacts(Map<String, Path> layers, Map<String, Path> functions, Duration took) {

        /** The classpath Lambda's java runtime gives a function: the task root, its lib/*, each layer's java/lib/*. */
        public List<Path> classpath(SamTemplate.Function function) {
            List<Path> entries = new ArrayList<>();
            Path taskRoot = functions.get(function.logicalId());
            if (taskRoot == null) {
                throw new IllegalStateException(function.logicalId() + " was not built");
            }
            entries.add(taskRoot);
            entries.addAll(jars(taskRoot.resolve("lib")));
            for (String layer : function.layers()) {
                Path dir = layers.get(layer);
                if (dir != null) {
                    entries.addAll(jars(dir.resolve("java").resolve("lib")));
                }
            }
            return entries;
        }

        private static List<Path> jars(Path dir) {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A cold build of every service on a slow machine stays well within this. */
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);

    private final Path outputDir;
    private final Consumer<String> progress;

    /**
     * @param outputDir where each resource's artifacts go, one folder per logical id
     * @param progress  one line per step
     */
    public ArtifactBuilder(Path outputDir, Consumer<String> progress) {
        this.outputDir = outputDir.toAbsolutePath();
        this.progress = progress;
    }

    /** Builds every layer the functions use, then every function with a makefile build. */
    public Artifacts buildAll(SamTemplate template) {
        long started = System.nanoTime();
        Map<String, Path> layers = new LinkedHashMap<>();
        for (SamTemplate.Layer layer : template.layers()) {
            if (!"makefile".equals(layer.buildMethod())) {
                progress.accept("layer " + layer.logicalId() + " has no makefile build; skipped");
                continue;
            }
            layers.put(layer.logicalId(), make(template, layer.logicalId(),
                    layer.contextPath() != null ? layer.contextPath() : layer.contentUri()));
        }
        Map<String, Path> functions = new LinkedHashMap<>();
        for (SamTemplate.Function function : template.functions()) {
            if (!"makefile".equals(function.buildMethod())) {
                progress.accept("function " + function.logicalId() + " has no makefile build; it will not run locally");
                continue;
            }
            functions.put(function.logicalId(), make(template, function.logicalId(),
                    function.contextPath() != null ? function.contextPath() : function.codeUri()));
        }
        return new Artifacts(layers, functions, Duration.ofNanos(System.nanoTime() - started));
    }

    /** What a previous run built, without building (for a quick restart). */
    public Artifacts existing(SamTemplate template) {
        Map<String, Path> layers = new LinkedHashMap<>();
        template.layers().forEach(l -> present(l.logicalId()).ifPresent(p -> layers.put(l.logicalId(), p)));
        Map<String, Path> functions = new LinkedHashMap<>();
        template.functions().forEach(f -> present(f.logicalId()).ifPresent(p -> functions.put(f.logicalId(), p)));
        if (functions.isEmpty()) {
            throw new IllegalStateException("nothing was built in " + outputDir + " yet: run once without --no-build");
        }
        return new Artifacts(layers, functions, Duration.ZERO);
    }

    private java.util.Optional<Path> present(String logicalId) {
        Path dir = outputDir.resolve(logicalId);
        return Files.isDirectory(dir) ? java.util.Optional.of(dir) : java.util.Optional.empty();
    }

    private Path make(SamTemplate template, String logicalId, String context) {
        Path workDir = template.baseDir().resolve(context == null ? "." : context).normalize();
        Path target = outputDir.resolve(logicalId);
        Path log = outputDir.resolve("build-" + logicalId + ".log");
        long started = System.nanoTime();
        try {
            deleteRecursively(target);
            Files.createDirectories(target);
            ProcessBuilder builder = new ProcessBuilder("make", "--no-print-directory", "build-" + logicalId,
                    "ARTIFACTS_DIR=" + target)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(BUILD_TIMEOUT.toMinutes(), java.util.concurrent.TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("make build-" + logicalId + " did not finish within " + BUILD_TIMEOUT
                        + "; output in " + log);
            }
            int exit = process.exitValue();
            if (exit != 0) {
                List<String> lines = Files.readAllLines(log);
                String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
                throw new IllegalStateException("make build-" + logicalId + " failed (exit " + exit + ") in " + workDir
                        + "; full output in " + log + ":\n" + tail);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run make for " + logicalId + " (is GNU make installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + logicalId, e);
        }
        progress.accept(String.format("built %-36s %5.1f s", logicalId, (System.nanoTime() - started) / 1e9));
        return target;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
