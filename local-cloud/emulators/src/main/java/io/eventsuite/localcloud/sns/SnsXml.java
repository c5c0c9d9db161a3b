package io.eventsuite.localcloud.sns;

import java.util.Map;

/** Writes SNS Query-protocol XML responses: the {@code XResult} element first, then {@code ResponseMetadata}. */
final class SnsXml {

    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final StringBuilder out = new StringBuilder(256);

    private SnsXml() {
    }

    /** A response for {@code action}; {@code result} writes the inside of {@code <actionResult>}, or null for none. */
    static String response(String action, String requestId, java.util.function.Consumer<SnsXml> result) {
        SnsXml xml = new SnsXml();
        xml.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        xml.out.append('<').append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">");
        if (result != null) {
            xml.out.append('<').append(action).append("Result>");
            result.accept(xml);
            xml.out.append("</").append(action).append("Result>");
        }
        xml.out.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
        xml.out.append("</").append(action).append("Response>");
        return xml.out.toString();
    }

    static String error(SnsError error, String requestId) {
        SnsXml xml = new SnsXml();
        xml.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        xml.out.append("<ErrorResponse xmlns=\"").append(NAMESPACE).append("\"><Error>");
        xml.element("Type", error.type()).element("Code", error.code()).element("Message", error.getMessage());
        xml.out.append("</Error>");
        xml.element("RequestId", requestId);
        xml.out.append("</ErrorResponse>");
        return xml.out.toString();
    }

    SnsXml element(String name, String text) {
        if (text == null) {
            return this;
        }
        out.append('<').append(name).append('>');
        escape(text);
        out.append("</").append(name).append('>');
        return this;
    }

    SnsXml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    SnsXml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** A string map as SNS writes attribute maps: {@code <name><entry><key/><value/></entry>…</name>}. */
    SnsXml map(String name, Map<String, String> entries) {
        open(name);
        entries.forEach((k, v) -> open("entry").element("key", k).element("value", v).close("entry"));
        return close(name);
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }
}
