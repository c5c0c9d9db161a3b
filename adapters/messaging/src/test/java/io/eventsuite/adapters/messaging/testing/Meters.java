package io.eventsuite.adapters.messaging.testing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Reads one meter's value, whatever its kind; 0 when there is no such meter. */
public final class Meters {

    private Meters() {
    }

    public static double value(MeterRegistry registry, String name, String... tags) {
        Meter meter = registry.find(name).tags(tags).meter();
        return switch (meter) {
            case null -> 0;
            case Counter c -> c.count();
            case FunctionCounter c -> c.count();
            case Timer t -> t.count();
            case Gauge g -> g.value();
            default -> throw new IllegalArgumentException(name + " is a " + meter.getClass().getSimpleName());
        };
    }
}
