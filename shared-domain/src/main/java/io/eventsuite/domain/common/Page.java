package io.eventsuite.domain.common;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param items      the items of this page, in the list's order
 * @param nextCursor where the next page starts; empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
        nextCursor = Objects.requireNonNullElse(nextCursor, Optional.empty());
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    public static <T> Page<T> empty() {
        return last(List.of());
    }

    public boolean hasMore() {
        return nextCursor.isPresent();
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
