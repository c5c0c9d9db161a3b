package io.eventsuite.deployment.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds one resource of template.yaml the way {@code sam build} does for {@code BuildMethod: makefile}:
 * {@code make build-<LogicalId> ARTIFACTS_DIR=<dir>} from the project root, with {@code JAVA_HOME} set (the
 * Makefile runs Maven), and measures what it wrote.
 */
final class SamBuild {

    /** The project's own modules: their jars may sit anywhere; every other jar is a third-party library. */
    static final String PROJECT_GROUP_ID = "io.eventsuite";

    private SamBuild() {
    }

    /**
     * What {@code make} left in ARTIFACTS_DIR.
     *
     * @param jars               every jar in it, relative to the artifact's root
     * @param thirdPartyJars     jars that are not one of the project's modules (by their Maven metadata)
     * @param thirdPartyClasses  class files outside the project's packages (a library copied in unpacked)
     */
    record Artifact(String logicalId, Path dir, long bytes, int files, List<String> jars, List<String> thirdPartyJars,
            List<String> thirdPartyClasses) {
    }

    static Artifact build(Path projectRoot, String logicalId, Path artifactsDir, Duration timeout) {
        Path log = artifactsDir.resolveSibling(logicalId + ".make.log");
        try {
            Files.createDirectories(artifactsDir.getParent());
            ProcessBuilder make = new ProcessBuilder("make", "--no-print-directory", "build-" + logicalId,
                    "ARTIFACTS_DIR=" + artifactsDir)
                    .directory(projectRoot.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            make.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = make.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("make build-" + logicalId + " did not finish within " + timeout
                        + "; its output:\n" + tail(log));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("make build-" + logicalId + " failed (exit " + process.exitValue()
                        + "); its output:\n" + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run make build-" + logicalId + " (is make installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!Files.isDirectory(artifactsDir)) {
            throw new AssertionError("make build-" + logicalId + " succeeded but wrote nothing to " + artifactsDir);
        }
        return measure(logicalId, artifactsDir);
    }

    static Artifact measure(String logicalId, Path dir) {
        long bytes = 0;
        int files = 0;
        List<String> jars = new ArrayList<>();
        List<String> thirdPartyJars = new ArrayList<>();
        List<String> thirdPartyClasses = new ArrayList<>();
        String projectPackage = PROJECT_GROUP_ID.replace('.', '/') + "/";
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                files++;
                bytes += Files.size(file);
                if (relative.endsWith(".jar")) {
                    jars.add(relative);
                    if (!PROJECT_GROUP_ID.equals(groupIdOf(file))) {
                        thirdPartyJars.add(relative);
                    }
                } else if (relative.endsWith(".class") && !relative.startsWith(projectPackage)) {
                    thirdPartyClasses.add(relative);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Artifact(logicalId, dir, bytes, files, List.copyOf(jars), List.copyOf(thirdPartyJars),
                List.copyOf(thirdPartyClasses));
    }

    /** The groupId in the jar's Maven metadata ({@code META-INF/maven/<g>/<a>/pom.properties}), or null. */
    static String groupIdOf(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    Properties properties = new Properties();
                    try (InputStream in = zip.getInputStream(entry)) {
                        properties.load(in);
                    }
                    return properties.getProperty("groupId");
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the jar holds an entry under one of these package paths (such as {@code org/h2/}). */
    static boolean holdsAnyPackage(Path jar, List<String> packagePaths) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(e -> packagePaths.stream().anyMatch(e.getName()::startsWith));
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
