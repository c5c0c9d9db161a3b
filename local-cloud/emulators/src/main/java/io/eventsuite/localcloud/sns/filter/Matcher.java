package io.eventsuite.localcloud.sns.filter;

/**
 * One rule of a key's array, tried against each scalar value the message holds under that key. Sealed, so that
 * {@link Condition} and {@link AnythingBut}, which treat some kinds specially, know every kind there is.
 */
sealed interface Matcher permits ValueMatchers.Exact, ValueMatchers.Prefix, ValueMatchers.Suffix,
        ValueMatchers.EqualsIgnoreCase, AnythingBut, Numeric, Exists, Cidr {

    boolean test(Leaf leaf);
}
