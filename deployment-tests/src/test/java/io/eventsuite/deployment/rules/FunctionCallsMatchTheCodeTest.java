package io.eventsuite.deployment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.eventsuite.adapters.dynamodb.DynamoDbActions;
import io.eventsuite.deployment.beans.ApplicationBeans;
import io.eventsuite.deployment.template.Template;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link FunctionCalls} is what IAM grants, so it must say what the code does: for every function of the template,
 * the repository methods, publishing and sending its bean can reach in the bytecode ({@link CodeReach}) are exactly
 * the ones its row lists. A use case that starts calling another port method fails here until the row (and so
 * the policy) says so.
 */
class FunctionCallsMatchTheCodeTest {

    @TestFactory
    Stream<DynamicTest> everyFunctionsRowIsWhatItsBeanReaches() {
        Template template = Template.project();
        return template.ofType(Template.SERVERLESS_FUNCTION).map(function -> {
            Map<String, Object> env = template.environment(function);
            String definition = String.valueOf(env.get(FunctionRules.DEFINITION));
            String mainClass = String.valueOf(env.get(FunctionRules.MAIN_CLASS));
            return dynamicTest(function.id() + ": " + definition, () -> {
                Set<String> reached = reachedBy(mainClass, definition);
                FunctionCalls.Calls row = FunctionCalls.of(function.id());

                assertThat(repositoryMethods(reached)).as("repository methods " + function.id() + " reaches")
                        .isEqualTo(new TreeSet<>(row.repositoryMethods()));
                assertThat(others(reached)).as("publishing and sending " + function.id() + " reaches")
                        .isEqualTo(row.other().isEmpty() ? EnumSet.noneOf(FunctionCalls.Other.class)
                                : EnumSet.copyOf(row.other()));
            });
        });
    }

    @Test
    void theReachOfABeanFollowsItsUseCaseIntoTheAdaptersAndNoFurther() throws ClassNotFoundException {
        Set<String> getUser = reachedBy("io.eventsuite.user.UserServiceApplication", "getUser");
        Set<String> registerUser = reachedBy("io.eventsuite.user.UserServiceApplication", "registerUser");

        assertThat(repositoryMethods(getUser)).containsExactly("DynamoDbUsers.findById");
        assertThat(registerUser).contains("DynamoDbUsers.add", "DynamoDbIdempotencyStore.begin",
                "SnsEventPublisher.publishEnvelopes");
        assertThat(getUser).doesNotContain("DynamoDbUsers.add", "DynamoDbIdempotencyStore.begin");
    }

    private static Set<String> reachedBy(String mainClass, String definition) throws ClassNotFoundException {
        Class<?> application = Class.forName(mainClass, false, FunctionCallsMatchTheCodeTest.class.getClassLoader());
        Class<?> configuration = ApplicationBeans.beansOf(application).get(definition);
        assertThat(configuration).as("@Bean " + definition + " of " + mainClass).isNotNull();
        return CodeReach.from(configuration, definition);
    }

    private static Set<String> repositoryMethods(Set<String> reached) {
        Set<String> methods = new TreeSet<>(reached);
        methods.retainAll(DynamoDbActions.methods());
        return methods;
    }

    private static Set<FunctionCalls.Other> others(Set<String> reached) {
        Set<FunctionCalls.Other> others = EnumSet.noneOf(FunctionCalls.Other.class);
        if (reached.contains("SnsEventPublisher.publishEnvelopes") || reached.contains("SnsEventPublisher.publishStored")) {
            others.add(FunctionCalls.Other.PUBLISHES_EVENTS);
        }
        if (reached.contains("SesNotificationChannel.send")) {
            others.add(FunctionCalls.Other.SENDS_EMAIL);
        }
        return others;
    }
}
