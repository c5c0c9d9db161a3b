package io.eventsuite.platform.http;

import io.eventsuite.domain.common.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list as the API shows it: {@code {"items": [...], "nextCursor": "..."}}; follow
 * {@code nextCursor} with {@code ?cursor=} until it is absent.
 */
public record PageBody<T>(List<T> items, Optional<String> nextCursor) {

    public static <D, T> PageBody<T> of(Page<D> page, Function<? super D, ? extends T> toBody) {
        return new PageBody<>(page.items().stream().<T>map(toBody).toList(), page.nextCursor());
    }
}
