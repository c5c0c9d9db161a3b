package io.eventsuite.deployment.artifacts;

import io.eventsuite.deployment.template.Template;
import io.eventsuite.deployment.template.Template.Resource;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What {@code make build-<LogicalId>} puts in each function's artifact and in the layer, as {@code sam build} would
 * ship them: a function holds its service's classes only, the layer the libraries, and nothing of the emulators.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("every function's artifact, built by make as sam build does, holds what Lambda needs")
class FunctionArtifactsContentTest {

    private BuiltArtifacts built;

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void buildEveryArtifact() {
        built = BuiltArtifacts.get();
    }

    @AfterAll
    void reportSizes() {
        if (built != null) {
            System.out.println(built.sizeTable());
        }
    }

    @Test
    @DisplayName("a function's artifact holds its service's classes and no third-party library; the layer holds those")
    void artifactsHoldOnlyTheServicesOwnClasses() {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(built.artifacts.keySet()).as("functions built by make (each needs Metadata BuildMethod: makefile)")
                .containsExactlyInAnyOrderElementsOf(
                        built.declared.ofType(Template.SERVERLESS_FUNCTION).map(Resource::id).toList());
        built.template.functions().forEach(function -> softly.assertThat(built.layers.keySet())
                .as("%s: its layers, built by make", function.logicalId()).containsAll(function.layers()));
        built.artifacts.forEach((id, artifact) -> {
            softly.assertThat(artifact.thirdPartyJars()).as("%s: third-party jars (they belong in the layer)", id)
                    .isEmpty();
            softly.assertThat(artifact.thirdPartyClasses()).as("%s: classes outside io/eventsuite", id).isEmpty();
            String mainClass = String.valueOf(built.template.function(id).environment().get("MAIN_CLASS"));
            softly.assertThat(artifact.dir().resolve(mainClass.replace('.', '/') + ".class"))
                    .as("%s: the MAIN_CLASS %s in its task root", id, mainClass).isRegularFile();
        });
        built.layers.forEach((id, layer) -> {
            softly.assertThat(layer.jarsIn("java/lib")).as("%s: every jar in java/lib (where Lambda looks), the shared "
                    + "modules among them", id).containsExactlyInAnyOrderElementsOf(layer.jars())
                    .anyMatch(jar -> jar.startsWith("java/lib/shared-domain-"))
                    .anyMatch(jar -> jar.startsWith("java/lib/shared-platform-"));
            softly.assertThat(layer.jars().stream()
                            .filter(jar -> Artifact.holdsAnyPackage(layer.dir().resolve(jar), BuiltArtifacts.EMULATOR_PACKAGES)))
                    .as("%s: libraries only the tests need (the emulators) must not ship to Lambda", id).isEmpty();
            softly.assertThat(layer.jars().stream().filter(jar ->
                            Artifact.holdsAnyPackage(layer.dir().resolve(jar), BuiltArtifacts.OTHER_HTTP_CLIENT_PACKAGES)))
                    .as("%s: Netty or Apache HTTP clients (the AWS clients use URL-connection)", id).isEmpty();
        });
        softly.assertAll();
    }
}
