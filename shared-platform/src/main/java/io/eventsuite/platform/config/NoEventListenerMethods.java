package io.eventsuite.platform.config;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.AnnotationConfigUtils;

/**
 * Leaves Spring's {@code @EventListener} support out of every function's context. Once the context is up, its
 * processor resolves the type of every bean, lazy ones included, and reads all of that type's declared methods: for
 * an SDK client's interface that loads every request and response class of the service (about 670 classes in
 * GetOrder's start, 7% of those it loads; docs/benchmarks.md, "Levers measured this evening"). No class on a
 * function's classpath has an {@code @EventListener} method (Spring Boot's and the libraries' listeners implement
 * {@code ApplicationListener}, which does not need it), so a listener method added later would not be called:
 * implement the interface. Removed before the AOT build writes the context out, so the generated context never has it.
 */
final class NoEventListenerMethods implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String name : new String[] {AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME,
                AnnotationConfigUtils.EVENT_LISTENER_FACTORY_BEAN_NAME}) {
            if (registry.containsBeanDefinition(name)) {
                registry.removeBeanDefinition(name);
            }
        }
    }
}
