package io.eventsuite.deployment.beans;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The {@code @Bean}s of a Spring Boot application class, found by reflection (no context is started). */
public final class ApplicationBeans {

    private ApplicationBeans() {
    }

    /** Bean name to declaring class, over the application class and its @Import closure. */
    public static Map<String, Class<?>> beansOf(Class<?> application) {
        Map<String, Class<?>> beans = new LinkedHashMap<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(application);
        while (!pending.isEmpty()) {
            Class<?> configuration = pending.poll();
            if (!seen.add(configuration)) {
                continue;
            }
            for (Method method : configuration.getDeclaredMethods()) {
                Bean bean = method.getAnnotation(Bean.class);
                if (bean == null) {
                    continue;
                }
                String[] names = bean.name().length > 0 ? bean.name() : bean.value();
                if (names.length == 0) {
                    names = new String[] {method.getName()};
                }
                Arrays.stream(names).forEach(n -> beans.put(n, configuration));
            }
            Import imports = configuration.getAnnotation(Import.class);
            if (imports != null) {
                pending.addAll(Arrays.asList(imports.value()));
            }
        }
        return beans;
    }
}
