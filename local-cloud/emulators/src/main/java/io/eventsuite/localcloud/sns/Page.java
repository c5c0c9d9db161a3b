package io.eventsuite.localcloud.sns;

import java.util.List;

/** One page of a List action: 100 items, the {@code NextToken} being the index of the next one (null at the end). */
record Page<T>(List<T> items, String nextToken) {

    static final int SIZE = 100;

    static <T> Page<T> of(List<T> all, String token) {
        int from;
        try {
            from = token == null || token.isEmpty() ? 0 : Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw SnsError.invalidParameter("Invalid parameter: NextToken");
        }
        if (from < 0 || from > all.size()) {
            throw SnsError.invalidParameter("Invalid parameter: NextToken");
        }
        int to = Math.min(all.size(), from + SIZE);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }
}
