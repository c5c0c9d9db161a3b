package io.eventsuite.deployment.artifacts;

import io.eventsuite.deployment.template.ProjectFiles;
import io.eventsuite.deployment.template.Template;
import io.eventsuite.localcloud.LocalEmulators;
import io.eventsuite.localcloud.functions.ArtifactBuilder;
import io.eventsuite.localcloud.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every function's artifact and the layer, built by {@code make build-<LogicalId>} (what {@code sam build} runs; the
 * local cloud's {@link ArtifactBuilder}) once per test JVM, with their sizes: what {@link FunctionArtifactsContentTest}
 * inspects and {@link FunctionArtifactsRunAsLambdaTest} runs.
 */
final class BuiltArtifacts {

    /** The sender the notification service is given (SenderAddress has no default). */
    static final String SENDER_ADDRESS = "notifications@eventsuite.example";
    /**
     * Packages of the local emulators' libraries (ElasticMQ and its Scala, Pekko and JDBC stack, H2): test-only, so no
     * function needs them in the layer. Found by content, as several of these jars carry no Maven metadata.
     */
    static final List<String> EMULATOR_PACKAGES = List.of("org/elasticmq/", "org/apache/pekko/", "scala/",
            "org/h2/", "scalikejdbc/", "pureconfig/", "spray/json/", "org/parboiled2/", "com/typesafe/",
            "org/apache/commons/dbcp2/", "org/apache/commons/pool2/", "jakarta/transaction/");
    /**
     * HTTP clients besides the SDK's URL-connection client, which every AWS client is given: Netty and Apache's
     * (the SDK's adapters for them, and the libraries themselves) only add start-up time and size to a Lambda.
     */
    static final List<String> OTHER_HTTP_CLIENT_PACKAGES = List.of("io/netty/",
            "software/amazon/awssdk/http/nio/netty/", "software/amazon/awssdk/http/apache/",
            "software/amazon/awssdk/http/apache5/", "org/apache/hc/", "org/apache/http/");

    private static BuiltArtifacts instance;

    /** The template as the rule tests read it: every function it declares, whatever the local cloud makes of it. */
    final Template declared = Template.project();
    /** The template as the local cloud reads it: what it builds, provisions and runs. */
    final SamTemplate template = SamTemplate.load(ProjectFiles.root().resolve("template.yaml"),
            Map.of("SenderAddress", SENDER_ADDRESS), LocalEmulators.DEFAULT_REGION);
    final ArtifactBuilder.Artifacts built;
    final Map<String, Artifact> artifacts = new LinkedHashMap<>();
    final Map<String, Artifact> layers = new LinkedHashMap<>();

    private BuiltArtifacts() {
        Path artifactsRoot = Path.of(System.getProperty("user.dir"), "target", "lambda-artifacts");
        built = new ArtifactBuilder(artifactsRoot, line -> System.out.println("  " + line)).buildAll(template);
        built.layers().forEach((id, dir) -> layers.put(id, Artifact.measure(id, dir)));
        built.functions().forEach((id, dir) -> artifacts.put(id, Artifact.measure(id, dir)));
    }

    /** Built once per test JVM, by the first test class that asks (a second make would only copy). */
    static synchronized BuiltArtifacts get() {
        if (instance == null) {
            instance = new BuiltArtifacts();
        }
        return instance;
    }

    String sizeTable() {
        StringBuilder table = new StringBuilder("\nArtifacts as make build-<LogicalId> writes them for sam build"
                + " (unzipped):\n");
        table.append(String.format("  %-36s %14s %7s %6s%n", "resource", "bytes", "files", "jars"));
        artifacts.values().forEach(a -> table.append(sizeRow(a)));
        layers.values().forEach(a -> table.append(sizeRow(a)));
        long total = layers.values().stream().mapToLong(Artifact::bytes).sum()
                + artifacts.values().stream().mapToLong(Artifact::bytes).max().orElse(0);
        table.append(String.format("  largest function + layers: %,d bytes (Lambda's limit: 262,144,000)%n", total));
        layers.values().forEach(layer -> {
            List<String> emulatorJars = layer.jars().stream()
                    .filter(jar -> Artifact.holdsAnyPackage(layer.dir().resolve(jar), EMULATOR_PACKAGES))
                    .toList();
            if (!emulatorJars.isEmpty()) {
                long bytes = emulatorJars.stream().mapToLong(jar -> size(layer.dir().resolve(jar))).sum();
                table.append(String.format("  NOTE %s holds %d jars (%,d bytes) of the local emulators, which no"
                        + " function needs: %s%n", layer.logicalId(), emulatorJars.size(), bytes,
                        emulatorJars.stream().map(j -> j.substring(j.lastIndexOf('/') + 1)).toList()));
            }
        });
        return table.toString();
    }

    private static String sizeRow(Artifact a) {
        return String.format("  %-36s %,14d %7d %6d%n", a.logicalId(), a.bytes(), a.files(), a.jars().size());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
