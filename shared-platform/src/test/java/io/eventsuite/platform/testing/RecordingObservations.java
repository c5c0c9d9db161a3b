package io.eventsuite.platform.testing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link ObservationRegistry} that keeps every observation it stops: the spans a test looks at (names, key
 * values, errors), without a tracer or an exporter.
 */
public final class RecordingObservations {

    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    private final ObservationRegistry registry = ObservationRegistry.create();

    public RecordingObservations() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    public ObservationRegistry registry() {
        return registry;
    }

    /** The observations stopped so far, in the order they stopped. */
    public List<Observation.Context> stopped() {
        return stopped;
    }
}
