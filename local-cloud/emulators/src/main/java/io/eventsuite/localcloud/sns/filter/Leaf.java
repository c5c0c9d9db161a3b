package io.eventsuite.localcloud.sns.filter;

import java.math.BigDecimal;

import tools.jackson.databind.JsonNode;

/**
 * One scalar a policy rule or a message holds: a string, a number, a boolean or null. Kinds never match across:
 * the string {@code "1"} is not the number {@code 1}, which is why a leaf keeps its kind.
 */
record Leaf(Kind kind, String string, BigDecimal number, boolean bool) {

    enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    static final Leaf NULL = new Leaf(Kind.NULL, null, null, false);

    static Leaf string(String s) {
        return new Leaf(Kind.STRING, s, null, false);
    }

    static Leaf number(BigDecimal n) {
        return new Leaf(Kind.NUMBER, null, n, false);
    }

    static Leaf bool(boolean b) {
        return new Leaf(Kind.BOOLEAN, null, null, b);
    }

    /** A JSON scalar as a leaf; anything that is not a string, number or boolean counts as null. */
    static Leaf of(JsonNode node) {
        if (node.isString()) {
            return string(node.stringValue());
        }
        if (node.isNumber()) {
            return number(node.decimalValue());
        }
        if (node.isBoolean()) {
            return bool(node.booleanValue());
        }
        return NULL;
    }

    /** Same kind and same value; numbers by value, so {@code 42} is the same as {@code 42.0}. */
    boolean sameAs(Leaf other) {
        if (kind != other.kind) {
            return false;
        }
        return switch (kind) {
            case STRING -> string.equals(other.string);
            case NUMBER -> number.compareTo(other.number) == 0;
            case BOOLEAN -> bool == other.bool;
            case NULL -> true;
        };
    }
}
