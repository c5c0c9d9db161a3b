package io.eventsuite.localcloud.sns.filter;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IPv4 and IPv6 literals as bytes, for {@link Cidr}. Never a name lookup: a message value such as {@code example.com}
 * must not make the stand-in ask DNS, so only text that can be nothing but an address reaches {@link InetAddress}.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /** 4 or 16 bytes, or null when the text is not an IP literal. */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        // IPv6: only hex digits, colons and dots (embedded IPv4) are let through, so no lookup can happen.
        if (!text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            return bytes.length == 16 ? bytes : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }
}
