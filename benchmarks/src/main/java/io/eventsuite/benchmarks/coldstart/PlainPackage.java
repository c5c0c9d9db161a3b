package io.eventsuite.benchmarks.coldstart;

import io.eventsuite.benchmarks.coldstart.plain.PlainGetOrderHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The plain handler's deployment package, laid out as Lambda unpacks a zip: its own classes at the task root (only the
 * {@code coldstart.plain} package, nothing else of this module) and its libraries in {@code lib/}. The libraries are
 * taken from this JVM's classpath (Maven's local repository): the Lambda event classes and serializer, and the AWS SDK
 * without any other service's client and without the HTTP clients it does not use, with reactive-streams, the
 * eventstream library and slf4j-api, which the SDK needs, and joda-time, which the event serializer loads for the event
 * classes. No Spring, no Jackson (the serializer shades its own).
 */
final class PlainPackage {

    private static final Set<String> LAMBDA_LIBRARIES = Set.of("aws-lambda-java-core", "aws-lambda-java-events",
            "aws-lambda-java-serialization");
    private static final Set<String> UNUSED_HTTP_CLIENTS = Set.of("apache-client", "apache5-client",
            "netty-nio-client", "aws-crt-client");
    private static final String SDK_SERVICES = "software/amazon/awssdk/services/";

    private PlainPackage() {
    }

    /** The handler string of a plain handler class, as Lambda takes it. */
    static String handler(Class<?> type) {
        return type.getName() + "::handleRequest";
    }

    /**
     * Writes the package into {@code dir} (replacing what was there), with the SDK clients of {@code sdkServices}
     * only; answers its classpath, as Lambda builds it.
     */
    static List<Path> build(Path dir, Set<String> sdkServices) {
        try {
            deleteRecursively(dir);
            Path lib = Files.createDirectories(dir.resolve("lib"));
            copyOwnClasses(dir);
            for (Path jar : libraries(sdkServices)) {
                Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return classpath(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plain handler's package in " + dir, e);
        }
    }

    /** The task root, then {@code lib/*.jar} in name order. */
    static List<Path> classpath(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        entries.add(dir);
        try (Stream<Path> jars = Files.list(dir.resolve("lib"))) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(entries::add);
        }
        return entries;
    }

    /** Copies the classes of {@code anchor}'s package (only that package) into {@code dir}; answers {@code dir}. */
    static Path classesOf(Class<?> anchor, Path dir) {
        try {
            deleteRecursively(dir);
            copyPackage(anchor, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the classes of " + anchor.getPackageName() + " to " + dir, e);
        }
    }

    private static void copyOwnClasses(Path taskRoot) throws IOException {
        copyPackage(PlainGetOrderHandler.class, taskRoot);
    }

    private static void copyPackage(Class<?> anchor, Path taskRoot) throws IOException {
        String packagePath = anchor.getPackageName().replace('.', '/') + "/";
        Path source = codeSource(anchor);
        if (Files.isDirectory(source)) {
            Path from = source.resolve(packagePath);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path to = taskRoot.resolve(packagePath).resolve(from.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return;
        }
        try (ZipFile jar = new ZipFile(source.toFile())) {
            for (ZipEntry entry : Collections.list(jar.entries())) {
                if (!entry.isDirectory() && entry.getName().startsWith(packagePath)) {
                    Path to = taskRoot.resolve(entry.getName());
                    Files.createDirectories(to.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** Every jar of this JVM's classpath the plain handler needs at run time. */
    static List<Path> libraries(Set<String> sdkServices) throws IOException {
        Set<Path> chosen = new LinkedHashSet<>();
        for (Path jar : classpathJars()) {
            Optional<Coordinates> coordinates = Coordinates.of(jar);
            if (coordinates.isPresent() && needed(coordinates.get(), jar, sdkServices)) {
                chosen.add(jar);
            }
        }
        return chosen.stream().sorted(Comparator.comparing(Path::getFileName)).toList();
    }

    private static boolean needed(Coordinates c, Path jar, Set<String> sdkServices) {
        return switch (c.groupId()) {
            case "com.amazonaws" -> LAMBDA_LIBRARIES.contains(c.artifactId());
            case "software.amazon.awssdk" -> !UNUSED_HTTP_CLIENTS.contains(c.artifactId())
                    && serviceOf(jar).map(sdkServices::contains).orElse(true);
            case "software.amazon.eventstream", "org.reactivestreams", "joda-time" -> true;
            case "org.slf4j" -> "slf4j-api".equals(c.artifactId());
            default -> false;
        };
    }

    /** The SDK service whose client the jar holds ({@code software/amazon/awssdk/services/<name>/}), if any. */
    private static Optional<String> serviceOf(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith(SDK_SERVICES))
                    .map(n -> n.substring(SDK_SERVICES.length()))
                    .filter(n -> n.indexOf('/') > 0)
                    .map(n -> n.substring(0, n.indexOf('/')))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The jars of this JVM's classpath, found through the class loader (every jar has a manifest), so that this works
     * under {@code exec:exec}, under Surefire's manifest-only booter jar and inside another class loader alike.
     */
    private static List<Path> classpathJars() throws IOException {
        Set<Path> jars = new LinkedHashSet<>();
        ClassLoader loader = PlainGetOrderHandler.class.getClassLoader();
        for (URL manifest : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
            String url = manifest.toString();
            if (url.startsWith("jar:file:") && url.contains("!/")) {
                try {
                    jars.add(Path.of(new URL(url.substring("jar:".length(), url.indexOf("!/"))).toURI()));
                } catch (URISyntaxException ignored) {
                    // not a local file
                }
            }
        }
        return List.copyOf(jars);
    }

    static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static long bytes(List<Path> classpath) {
        long total = 0;
        for (Path entry : classpath) {
            try (Stream<Path> files = Files.walk(entry)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    total += Files.size(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Maven coordinates from a jar's place in a Maven repository ({@code <group path>/<artifact>/<version>/<file>}),
     * for the groups the package draws from; other jars have none here.
     */
    record Coordinates(String groupId, String artifactId, String version) {

        private static final List<String> GROUPS = List.of("com.amazonaws", "software.amazon.awssdk",
                "software.amazon.eventstream", "org.reactivestreams", "org.slf4j", "joda-time");

        static Optional<Coordinates> of(Path jar) {
            Path versionDir = jar.getParent();
            Path artifactDir = versionDir == null ? null : versionDir.getParent();
            Path groupDir = artifactDir == null ? null : artifactDir.getParent();
            if (groupDir == null) {
                return Optional.empty();
            }
            String version = versionDir.getFileName().toString();
            String artifactId = artifactDir.getFileName().toString();
            if (!jar.getFileName().toString().startsWith(artifactId + "-" + version)) {
                return Optional.empty();
            }
            return GROUPS.stream().filter(g -> groupDir.endsWith(Path.of("", g.split("\\."))))
                    .findFirst().map(g -> new Coordinates(g, artifactId, version));
        }
    }
}
