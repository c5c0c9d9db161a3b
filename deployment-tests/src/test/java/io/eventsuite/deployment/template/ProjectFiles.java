package io.eventsuite.deployment.template;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project root (the folder holding template.yaml and the Maven wrapper) from wherever tests run. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    public static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("template.yaml")) && Files.isRegularFile(candidate.resolve("mvnw"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no template.yaml next to mvnw in " + dir + " or any parent");
    }
}
