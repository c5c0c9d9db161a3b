package io.eventsuite.deployment.build;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.eventsuite.deployment.template.Nodes;
import io.eventsuite.deployment.template.ProjectFiles;
import io.eventsuite.deployment.template.Template;
import io.eventsuite.deployment.template.Template.Resource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule every-built-resource-has-a-makefile-target: `sam build` finds the Makefile (ContextPath) and runs
 * `make build-<LogicalId>` there for every resource with BuildMethod makefile. Checked with `make -n`, which
 * resolves the target and its prerequisites without building anything.
 */
class MakefileTargetsTest {

    @Test
    @DisplayName("every function and layer built by makefile has its build-<LogicalId> target")
    void everyBuiltResourceHasAMakefileTarget(@TempDir Path artifacts) throws Exception {
        Path root = ProjectFiles.root();
        Template template = Template.project();
        List<String> violations = new ArrayList<>();
        List<Resource> built = template.resources()
                .filter(r -> "makefile".equals(r.metadata().get("BuildMethod"))).toList();
        assertTrue(built.size() > 1, "no resource is built by makefile");

        for (Resource resource : built) {
            Object source = Nodes.merge(template.globalFunctionProperties().get("CodeUri"),
                    resource.properties().getOrDefault("CodeUri", resource.properties().get("ContentUri")));
            Object context = resource.metadata().getOrDefault("ContextPath", source);
            Path makefile = root.resolve(String.valueOf(context)).resolve("Makefile").normalize();
            if (!Files.isRegularFile(makefile)) {
                violations.add(resource.id() + ": sam build looks for " + makefile + " (Metadata.ContextPath, else"
                        + " CodeUri/ContentUri), which does not exist");
                continue;
            }
            Path workingDir = root.resolve(String.valueOf(source)).normalize();
            String target = "build-" + resource.id();
            Process make = new ProcessBuilder("make", "--no-print-directory", "-n", "-f", makefile.toString(), target,
                    "ARTIFACTS_DIR=" + artifacts.resolve(resource.id()))
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!make.waitFor(2, TimeUnit.MINUTES)) {
                make.destroyForcibly();
                violations.add(resource.id() + ": make -n " + target + " did not finish");
            } else if (make.exitValue() != 0) {
                violations.add(resource.id() + ": make -n " + target + " failed:\n" + output.strip());
            }
        }
        if (!violations.isEmpty()) {
            fail("Rule 'every-built-resource-has-a-makefile-target' is broken:\n  - " + String.join("\n  - ", violations));
        }
    }
}
