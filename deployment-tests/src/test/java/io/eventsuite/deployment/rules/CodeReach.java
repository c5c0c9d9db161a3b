package io.eventsuite.deployment.rules;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which methods a function bean can reach, read from the bytecode: from the {@code @Bean} method, through every
 * method it calls, the lambdas the reached methods declare (route handlers, relays), every method of an object it
 * constructs (it may be called through an interface), and, for a call on an interface that the adapters
 * implement (a port such as {@code Users} or {@code EventPublisher}), the adapters' implementations (and a static
 * or default method's own body). Other interface calls are not followed: their targets are reached where they
 * are constructed or declared.
 *
 * <p>It over-approximates within a method (both branches of an if count), which is what a policy must allow.
 */
final class CodeReach {

    private static final String ROOT = "io.eventsuite";
    private static final String ADAPTERS = "io.eventsuite.adapters.";

    private static JavaClasses classes;

    private CodeReach() {
    }

    private static synchronized JavaClasses classes() {
        if (classes == null) {
            classes = new ClassFileImporter().importPackages(ROOT);
        }
        return classes;
    }

    /** {@code Owner.method} of every method reachable from {@code beanMethod} of {@code configuration}. */
    static Set<String> from(Class<?> configuration, String beanMethod) {
        JavaClass owner = classes().get(configuration);
        List<JavaCodeUnit> roots = owner.getCodeUnits().stream().filter(m -> m.getName().equals(beanMethod)).toList();
        if (roots.isEmpty()) {
            throw new IllegalArgumentException(configuration.getName() + " has no method " + beanMethod);
        }
        Set<JavaCodeUnit> reached = new LinkedHashSet<>();
        Deque<JavaCodeUnit> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            JavaCodeUnit unit = pending.poll();
            if (!reached.add(unit)) {
                continue;
            }
            lambdasOf(unit).forEach(pending::add);
            for (JavaAccess<?> access : accesses(unit)) {
                targets(access).forEach(pending::add);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        reached.forEach(u -> names.add(u.getOwner().getSimpleName() + "." + u.getName()));
        return names;
    }

    private static List<JavaAccess<?>> accesses(JavaCodeUnit unit) {
        Stream<JavaAccess<?>> calls = unit.getCallsFromSelf().stream().map(c -> c);
        Stream<JavaAccess<?>> references = unit.getMethodReferencesFromSelf().stream().map(r -> r);
        Stream<JavaAccess<?>> constructorReferences = unit.getConstructorReferencesFromSelf().stream().map(r -> r);
        return Stream.of(calls, references, constructorReferences).flatMap(s -> s).toList();
    }

    /** javac names a lambda after the method that declares it: lambda$<method>$<n> (constructors: lambda$new$<n>). */
    private static Stream<JavaCodeUnit> lambdasOf(JavaCodeUnit unit) {
        String declaring = unit.getName().equals("<init>") ? "new" : unit.getName();
        return unit.getOwner().getCodeUnits().stream()
                .filter(m -> m.getName().startsWith("lambda$" + declaring + "$"));
    }

    private static Stream<JavaCodeUnit> targets(JavaAccess<?> access) {
        JavaClass target = access.getTargetOwner();
        if (!target.getPackageName().startsWith(ROOT)) {
            return Stream.empty();
        }
        String name = ((AccessTarget.CodeUnitAccessTarget) access.getTarget()).getName();
        if (access instanceof JavaConstructorCall || name.equals("<init>")) {
            // A constructed object: any of its methods may be called later, through an interface.
            return target.getCodeUnits().stream();
        }
        Set<JavaCodeUnit> resolved = new LinkedHashSet<>();
        ((AccessTarget.CodeUnitAccessTarget) access.getTarget()).resolveMember()
                .filter(m -> !m.getModifiers().contains(JavaModifier.ABSTRACT))
                .ifPresent(resolved::add);
        if (target.isInterface()) {
            target.getAllSubclasses().stream()
                    .filter(impl -> impl.getPackageName().startsWith(ADAPTERS) && !impl.getPackageName().contains(".testing"))
                    .flatMap(impl -> impl.getCodeUnits().stream().filter(m -> m.getName().equals(name)))
                    .forEach(resolved::add);
        }
        return resolved.stream();
    }
}
