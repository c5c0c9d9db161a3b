package io.eventsuite.notification;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.eventsuite.platform.testing.ServiceArchitectureRules;

@AnalyzeClasses(packages = "io.eventsuite.notification", importOptions = DoNotIncludeTests.class)
class NotificationServiceArchitectureTest {

    @ArchTest
    static final ArchRule depends_on_no_other_service = ServiceArchitectureRules.dependsOnNoOtherService("io.eventsuite.notification");

    @ArchTest
    static final ArchRule handlers_use_neither_the_sdk_nor_jackson =
            ServiceArchitectureRules.handlersUseNeitherTheSdkNorJackson("io.eventsuite.notification");
}
