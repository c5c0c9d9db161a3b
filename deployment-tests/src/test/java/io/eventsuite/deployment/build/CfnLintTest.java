package io.eventsuite.deployment.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.eventsuite.deployment.template.Nodes;
import io.eventsuite.deployment.template.ProjectFiles;
import io.eventsuite.deployment.template.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * cfn-lint (with its SAM transform) on template.yaml: no error and no warning. A check may be ignored only in
 * .cfnlintrc.yaml, each with a comment giving the reason; ignores inside the template are not allowed.
 */
class CfnLintTest {

    private static final List<String> CONFIG_FILES = List.of(".cfnlintrc", ".cfnlintrc.yaml", ".cfnlintrc.yml");

    @Test
    @DisplayName("cfn-lint template.yaml reports no error and no warning")
    void templatePassesCfnLint() throws Exception {
        Path root = ProjectFiles.root();
        Process lint;
        try {
            lint = new ProcessBuilder("cfn-lint", "template.yaml").directory(root.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("cfn-lint is not on PATH (install it with `pip install cfn-lint`): " + e.getMessage());
            return;
        }
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!lint.waitFor(5, TimeUnit.MINUTES)) {
            lint.destroyForcibly();
            fail("cfn-lint did not finish within 5 minutes");
        }
        assertEquals(0, lint.exitValue(), "cfn-lint template.yaml found problems:\n" + output);
    }

    @Test
    @DisplayName("every cfn-lint check that is ignored says why, in .cfnlintrc.yaml")
    void everyIgnoredCheckHasAReason() throws IOException {
        Path root = ProjectFiles.root();
        List<String> violations = new ArrayList<>();
        for (String name : CONFIG_FILES) {
            Path config = root.resolve(name);
            if (!Files.isRegularFile(config)) {
                continue;
            }
            List<String> lines = Files.readAllLines(config);
            boolean inIgnores = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String trimmed = line.strip();
                if (!line.startsWith(" ") && !line.startsWith("-") && !trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    inIgnores = trimmed.startsWith("ignore_checks");
                    continue;
                }
                boolean entry = inIgnores && trimmed.startsWith("- ");
                boolean reasoned = trimmed.contains("#") || i > 0 && lines.get(i - 1).strip().startsWith("#");
                if (entry && !reasoned) {
                    violations.add(name + " line " + (i + 1) + ": ignored check " + trimmed.substring(2).strip()
                            + " has no comment saying why");
                }
            }
        }
        Template template = Template.project();
        if (Nodes.at(template.document(), "Metadata", "cfn-lint") != null) {
            violations.add("template.yaml Metadata.cfn-lint: configure ignores in .cfnlintrc.yaml, with a reason each");
        }
        template.resources().filter(r -> r.metadata().containsKey("cfn-lint")).forEach(r ->
                violations.add(r.id() + ": Metadata.cfn-lint ignores belong in .cfnlintrc.yaml, with a reason each"));
        if (!violations.isEmpty()) {
            fail("Rule 'cfn-lint-ignores-are-explained' is broken:\n  - " + String.join("\n  - ", violations));
        }
    }
}
