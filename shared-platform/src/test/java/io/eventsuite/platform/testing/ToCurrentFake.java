package io.eventsuite.platform.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A port whose every call goes to the instance {@code current} supplies at that moment. Function contexts are kept
 * warm across tests (as Lambda keeps containers, and because starting one per test would be slow), so their beans
 * cannot hold a test's fake: they hold this, and each test installs fakes of its own.
 */
public final class ToCurrentFake {

    private ToCurrentFake() {
    }

    public static <T> T of(Class<T> port, Supplier<? extends T> current) {
        Objects.requireNonNull(current, "current");
        if (!port.isInterface()) {
            throw new IllegalArgumentException(port + " is not an interface");
        }
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            try {
                return method.invoke(current.get(), args);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        }));
    }
}
