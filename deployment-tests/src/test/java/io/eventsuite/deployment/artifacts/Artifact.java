package io.eventsuite.deployment.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What {@code make build-<LogicalId>} (run by the local cloud's {@code ArtifactBuilder}, as {@code sam build}
 * runs it) left in a resource's ARTIFACTS_DIR, measured.
 *
 * @param jars              every jar in it, relative to the artifact's root
 * @param thirdPartyJars    jars that are not one of the project's modules (by their Maven metadata)
 * @param thirdPartyClasses class files outside the project's packages (a library copied in unpacked), less those
 *                          Spring AOT generated for the service ({@link #AOT_GENERATED})
 */
record Artifact(String logicalId, Path dir, long bytes, int files, List<String> jars, List<String> thirdPartyJars,
        List<String> thirdPartyClasses) {

    /**
     * What Spring AOT ({@code process-aot}, in each service's {@code package}) generates for this application: bean
     * definitions and registrations in the packages of the configurations they describe (Spring's own included), and
     * CGLIB proxies of configuration classes. Generated for the service, so they belong in its artifact.
     */
    static final Pattern AOT_GENERATED = Pattern.compile(
            "__(BeanDefinitions|BeanFactoryRegistrations|ApplicationContextInitializer|Autowiring)[$.]|\\$\\$SpringCGLIB\\$\\$");

    /** The project's own modules: their jars may sit anywhere; every other jar is a third-party library. */
    static final String PROJECT_GROUP_ID = "io.eventsuite";

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
                } else if (relative.endsWith(".class") && !relative.startsWith(projectPackage)
                        && !AOT_GENERATED.matcher(relative).find()) {
                    thirdPartyClasses.add(relative);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Artifact(logicalId, dir, bytes, files, List.copyOf(jars), List.copyOf(thirdPartyJars),
                List.copyOf(thirdPartyClasses));
    }

    /** The jars directly in this folder of the artifact (such as {@code java/lib}, where Lambda looks). */
    List<String> jarsIn(String folder) {
        return jars.stream().filter(jar -> jar.startsWith(folder + "/") && jar.lastIndexOf('/') == folder.length())
                .toList();
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
}
