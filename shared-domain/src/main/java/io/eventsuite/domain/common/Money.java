package io.eventsuite.domain.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * An amount of money in the smallest unit of its currency (cents for EUR, yen for JPY).
 *
 * <p>Whole minor units in a {@code long} avoid the rounding of floating point; arithmetic is exact and
 * refuses to overflow rather than wrap around into a wrong (even negative) total.
 *
 * @param minorUnits at least 0; refunds and discounts are not modelled
 * @param currency   an ISO 4217 code known to {@link Currency}, upper case ({@code EUR})
 */
public record Money(long minorUnits, String currency) {

    public Money {
        Violations v = new Violations();
        v.check(minorUnits >= 0, "minorUnits", "must be zero or more");
        v.check(isKnownCurrency(currency), "currency", "must be an ISO 4217 currency code such as EUR");
        v.throwIfAny();
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** The sum; both amounts must be in the same currency (adding EUR to USD is a programming error). */
    public Money plus(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(exact(() -> Math.addExact(minorUnits, other.minorUnits)), currency);
    }

    /** This amount {@code factor} times; the factor is a quantity, so it must not be negative. */
    public Money times(int factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("factor must not be negative: " + factor);
        }
        return new Money(exact(() -> Math.multiplyExact(minorUnits, factor)), currency);
    }

    /**
     * Human-readable form for messages, using the currency's default fraction digits:
     * {@code EUR 12.50}, {@code JPY 1250}.
     */
    public String format() {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return currency + " " + BigDecimal.valueOf(minorUnits, digits).toPlainString();
    }

    private static long exact(LongSupplier arithmetic) {
        try {
            return arithmetic.getAsLong();
        } catch (ArithmeticException overflow) {
            // Only a client can send amounts this large, so it is their input that is wrong.
            throw new InvalidInput("total", "is too large to compute");
        }
    }

    private static boolean isKnownCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
