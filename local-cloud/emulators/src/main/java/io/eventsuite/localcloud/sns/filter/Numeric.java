package io.eventsuite.localcloud.sns.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.eventsuite.localcloud.sns.filter.FilterPolicy.InvalidFilterPolicyException;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"numeric": [">", 0, "<=", 150]}}: one comparison, or a range of a lower ({@code >}, {@code >=}) and an upper
 * ({@code <}, {@code <=}) bound. Only number values match; the string {@code "5"} is not the number 5.
 */
record Numeric(List<Term> terms) implements Matcher {

    private static final List<String> OPERATORS = List.of("=", "<", "<=", ">", ">=");

    /** One operator and its bound. */
    record Term(String operator, BigDecimal value) {
        boolean test(BigDecimal actual) {
            int c = actual.compareTo(value);
            return switch (operator) {
                case "=" -> c == 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> false;
            };
        }
    }

    public boolean test(Leaf leaf) {
        return leaf.kind() == Leaf.Kind.NUMBER && terms.stream().allMatch(t -> t.test(leaf.number()));
    }

    static Numeric parse(JsonNode operand) {
        if (!operand.isArray() || operand.isEmpty()) {
            throw new InvalidFilterPolicyException("FilterPolicy: Value of numeric must be an array.");
        }
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < operand.size(); i += 2) {
            JsonNode op = operand.get(i);
            if (!op.isString()) {
                throw new InvalidFilterPolicyException("FilterPolicy: Invalid member in numeric match: " + op);
            }
            String operator = op.stringValue();
            if (!OPERATORS.contains(operator)) {
                throw new InvalidFilterPolicyException("FilterPolicy: Unrecognized numeric range operator: " + operator);
            }
            JsonNode number = i + 1 < operand.size() ? operand.get(i + 1) : null;
            if (number == null || !number.isNumber()) {
                throw new InvalidFilterPolicyException("FilterPolicy: Value of "
                        + (operator.equals("=") ? "equals" : operator) + " must be numeric");
            }
            terms.add(new Term(operator, number.decimalValue()));
        }
        if (terms.size() > 2) {
            throw new InvalidFilterPolicyException("FilterPolicy: Too many terms in numeric range expression");
        }
        if (terms.size() == 2) {
            checkRange(terms.get(0), terms.get(1));
        }
        return new Numeric(List.copyOf(terms));
    }

    /** A range must be written low bound first, and must not be empty. */
    private static void checkRange(Term low, Term high) {
        if (!low.operator().startsWith(">")) {
            throw new InvalidFilterPolicyException("FilterPolicy: Too many elements in numeric expression");
        }
        if (!high.operator().startsWith("<")) {
            throw new InvalidFilterPolicyException("FilterPolicy: Bad numeric range operator: " + high.operator());
        }
        if (high.value().compareTo(low.value()) <= 0) {
            throw new InvalidFilterPolicyException("FilterPolicy: Bottom must be less than top");
        }
    }
}
