package io.eventsuite.deployment.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsuite.deployment.template.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What `sam build` runs must work on a new machine, whose local Maven repository is empty. The Makefile's Maven
 * calls are read with `make -n -B` (every command printed, nothing run) for one function and the layer.
 */
class MakefileMavenCallsTest {

    private static final Pattern PLUGIN_GOAL = Pattern.compile("(?<=\\s)([a-z][a-z0-9-]*):([a-z][a-z0-9-]*)(?=\\s|$)");

    private static List<String> mavenCommands;

    @BeforeAll
    static void readTheCommandsSamBuildRuns(@TempDir Path artifacts) throws Exception {
        Process make = new ProcessBuilder("make", "--no-print-directory", "-n", "-B",
                "build-DependenciesLayer", "build-PlaceOrderFunction", "ARTIFACTS_DIR=" + artifacts)
                .directory(ProjectFiles.root().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(make.waitFor(2, TimeUnit.MINUTES)).as("make -n finished").isTrue();
        assertThat(make.exitValue()).as("make -n exit code; output:%n%s", output).isZero();
        // A recipe line continued with a backslash is one shell command.
        mavenCommands = output.replace("\\\n", " ").lines().filter(line -> line.contains("/mvnw ")).toList();
        // One Maven call for the layer (it packages every service) and one for PlaceOrder's service (make -B forces
        // it): a second call per build, such as an offline try and an online retry, would show here.
        long calls = mavenCommands.stream().mapToLong(command -> command.split("/mvnw ", -1).length - 1).sum();
        assertThat(calls).as("Maven calls for the layer and the function").isEqualTo(2);
    }

    @Test
    @DisplayName("no Maven call is made offline: on an empty repository offline mode fails before it can help")
    void noMavenCallIsOffline() {
        assertThat(mavenCommands).noneMatch(command -> command.matches(".*\\s(-o|--offline)(\\s.*|$)"));
    }

    @Test
    @DisplayName("every plugin goal the Makefile calls by prefix is pinned in the root pom's plugin management")
    void everyPluginGoalIsPinned() throws Exception {
        Map<String, String> pinned = pinnedPlugins(ProjectFiles.root().resolve("pom.xml"));
        Map<String, String> called = new LinkedHashMap<>();
        for (String command : mavenCommands) {
            Matcher goal = PLUGIN_GOAL.matcher(command);
            while (goal.find()) {
                called.put(goal.group(0), "maven-" + goal.group(1) + "-plugin");
            }
        }
        assertThat(called).as("the plugin goals the Makefile calls by prefix (the layer's dependency copy)")
                .containsExactly(Map.entry("dependency:copy-dependencies", "maven-dependency-plugin"));
        called.forEach((goal, plugin) -> assertThat(pinned.getOrDefault(plugin, ""))
                .as("%s: %s has a version in the root pom's <pluginManagement>", goal, plugin)
                .isNotBlank());
    }

    /** artifactId to version of every org.apache.maven.plugins plugin in the root pom's plugin management. */
    private static Map<String, String> pinnedPlugins(Path pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        Element management = (Element) project.getElementsByTagName("pluginManagement").item(0);
        Map<String, String> pinned = new LinkedHashMap<>();
        NodeList plugins = management.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            String group = text(plugin, "groupId");
            if (group.isEmpty() || group.equals("org.apache.maven.plugins")) {
                pinned.put(text(plugin, "artifactId"), resolve(project, text(plugin, "version")));
            }
        }
        return pinned;
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    /** A version may be a ${property} of the root pom; an unresolvable one counts as not pinned. */
    private static String resolve(Element project, String version) {
        Matcher property = Pattern.compile("\\$\\{(.+)}").matcher(version);
        if (!property.matches()) {
            return version;
        }
        Element properties = (Element) project.getElementsByTagName("properties").item(0);
        return text(properties, property.group(1));
    }
}
