package io.eventsuite.benchmarks.coldstart;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;

/**
 * Class data sharing, measured as an option for container-image deployments only: an archive is bound to one JVM
 * build and one classpath, and AWS advises against it on the managed runtimes (docs/decisions.md). Each archive comes
 * from a training start of the same function (two invocations), then a separate step writes it; every measured start
 * must use it ({@code -Xshare:on}, {@code -XX:AOTMode=on}: a JVM that cannot map it fails rather than quietly
 * starting without it). Archives hold classes from jars only, so the classpath's directories (a function's task root)
 * are packed into jars first, as an image would hold them.
 */
enum ClassArchive {

    /** No archive of the application's classes (the JDK's own default CDS archive, as in Lambda). */
    NONE,
    /** AppCDS (JDK 21 as much as 25): a static archive of the classes a training start loaded (its class list). */
    CDS,
    /** The JDK's AOT cache (JDK 24+; JEPs 483, 514, 515): a training run's classes, loaded and linked, and profiles. */
    AOT_CACHE;

    /** JVM options of the training start. */
    String trainingOptions(Path dir) {
        return switch (this) {
            case NONE -> "";
            case CDS -> "-XX:DumpLoadedClassList=" + dir.resolve("classes.list");
            case AOT_CACHE -> "-XX:AOTMode=record -XX:AOTConfiguration=" + dir.resolve("app.aotconf");
        };
    }

    /** JVM options of every measured start. */
    String useOptions(Path dir) {
        return switch (this) {
            case NONE -> "";
            case CDS -> "-XX:SharedArchiveFile=" + dir.resolve("app.jsa") + " -Xshare:on";
            case AOT_CACHE -> "-XX:AOTCache=" + dir.resolve("app.aot") + " -XX:AOTMode=on";
        };
    }

    /** Writes the archive from what the training start left in {@code dir}; {@code classpath} is the JVM's, in full. */
    void create(Path dir, String classpath) {
        if (this == NONE) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(this == CDS
                ? List.of("-Xshare:dump", "-XX:SharedClassListFile=" + dir.resolve("classes.list"),
                        "-XX:SharedArchiveFile=" + dir.resolve("app.jsa"))
                : List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + dir.resolve("app.aotconf"),
                        "-XX:AOTCache=" + dir.resolve("app.aot")));
        command.addAll(List.of("-cp", classpath));
        Path log = dir.resolve("create.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(this + " archive not written; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Removes what an earlier run left in an archive's folder. */
    static void clear(Path dir) {
        try {
            PlainPackage.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classpath with each directory packed into a jar in {@code dir} (archives take classes from jars only). */
    static List<Path> jarred(List<Path> classpath, Path dir) {
        List<Path> entries = new ArrayList<>();
        ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow();
        try {
            Files.createDirectories(dir);
            for (Path entry : classpath) {
                if (!Files.isDirectory(entry)) {
                    entries.add(entry);
                    continue;
                }
                Path packed = dir.resolve(entries.size() + "-" + entry.getFileName() + ".jar");
                Files.deleteIfExists(packed);
                PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
                if (jar.run(quiet, System.err, "--create", "--file", packed.toString(), "-C", entry.toString(),
                        ".") != 0) {
                    throw new IllegalStateException("cannot pack " + entry + " into " + packed);
                }
                entries.add(packed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
