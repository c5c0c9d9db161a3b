package io.eventsuite.domain.order;

import io.eventsuite.domain.common.Money;
import io.eventsuite.domain.common.Violations;

import java.util.regex.Pattern;

/**
 * One line of an order: so many of an article at a unit price.
 *
 * @param sku       the article, {@code [A-Z0-9][A-Z0-9-]{0,63}} (upper case, as printed on labels)
 * @param quantity  1 to 1000
 * @param unitPrice the price of one, as the client saw it
 */
public record OrderLine(String sku, int quantity, Money unitPrice) {

    public static final int MAX_QUANTITY = 1000;
    private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");

    public OrderLine {
        Violations v = new Violations();
        v.check(sku != null && SKU.matcher(sku).matches(), "sku",
                "must be 1 to 64 upper-case letters, digits or '-', starting with a letter or digit");
        v.check(quantity >= 1 && quantity <= MAX_QUANTITY, "quantity", "must be between 1 and " + MAX_QUANTITY);
        v.check(unitPrice != null, "unitPrice", "is required");
        v.throwIfAny();
    }

    /** Quantity times unit price; {@link io.eventsuite.domain.common.InvalidInput} on {@code total} if it overflows. */
    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
