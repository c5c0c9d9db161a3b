package io.eventsuite.domain;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain is plain Java: nothing from Spring, AWS, Jackson or any other library may creep in. */
@AnalyzeClasses(packages = "io.eventsuite.domain", importOptions = DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_depends_only_on_the_jdk_and_itself = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.eventsuite.domain..");

    /** Time and ids come through the constructor (Clock, IdGenerator), which keeps every use case testable. */
    @ArchTest
    static final ArchRule the_domain_takes_time_and_ids_only_from_what_it_is_given = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(UUID.class, "randomUUID");

    /** Storage, network and files are reached through ports only. */
    @ArchTest
    static final ArchRule the_domain_does_no_io_of_its_own = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.net..", "java.nio.file..", "java.sql..");
}
