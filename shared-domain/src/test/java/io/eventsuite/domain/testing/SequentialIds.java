package io.eventsuite.domain.testing;

import io.eventsuite.domain.common.IdGenerator;

import java.util.concurrent.atomic.AtomicLong;

/** {@link IdGenerator} giving {@code id-1}, {@code id-2}, ... so tests can name what they expect. */
public final class SequentialIds implements IdGenerator {

    private final String prefix;
    private final AtomicLong next = new AtomicLong(1);

    public SequentialIds() {
        this("id-");
    }

    public SequentialIds(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String newId() {
        return prefix + next.getAndIncrement();
    }
}
