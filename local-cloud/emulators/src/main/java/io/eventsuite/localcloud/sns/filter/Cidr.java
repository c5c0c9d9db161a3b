package io.eventsuite.localcloud.sns.filter;

import io.eventsuite.localcloud.sns.filter.FilterPolicy.InvalidFilterPolicyException;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"cidr": "10.0.0.0/24"}}: a string value that is an IP address (of the same family) inside the block.
 */
record Cidr(byte[] network, int bits) implements Matcher {

    public boolean test(Leaf leaf) {
        if (leaf.kind() != Leaf.Kind.STRING) {
            return false;
        }
        byte[] address = IpLiteral.parse(leaf.string());
        if (address == null || address.length != network.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    static Cidr parse(JsonNode operand) {
        String cidr = MatchRules.requireString("cidr", operand);
        int slash = cidr.indexOf('/');
        if (slash < 0 || slash != cidr.lastIndexOf('/')) {
            throw new InvalidFilterPolicyException("FilterPolicy: Malformed CIDR, one '/' required");
        }
        byte[] network = IpLiteral.parse(cidr.substring(0, slash));
        if (network == null) {
            throw new InvalidFilterPolicyException("FilterPolicy: Nonstandard IP address: " + cidr.substring(0, slash));
        }
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new InvalidFilterPolicyException("FilterPolicy: Malformed CIDR, mask bits must be an integer");
        }
        if (bits < 0 || bits > network.length * 8) {
            throw new InvalidFilterPolicyException("FilterPolicy: Malformed CIDR, mask bits out of range");
        }
        return new Cidr(network, bits);
    }
}
