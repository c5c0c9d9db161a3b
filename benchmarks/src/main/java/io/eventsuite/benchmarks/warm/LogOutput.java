package io.eventsuite.benchmarks.warm;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * What becomes of the shared layer's log lines in the measured JVM.
 *
 * <ul>
 *   <li>{@code off}: WARN and above only (to the console); the layer's INFO lines (one per HTTP invocation, one per
 *       record and one per batch for SQS) are not even formatted. The layer's own work alone.</li>
 *   <li>{@code json}: INFO, encoded as in the services ({@code logging.structured.format.console=logstash}: Spring
 *       Boot's {@link StructuredLogEncoder}, with the MDC fields) into a stream that discards the bytes. Formatting
 *       is counted; writing to stdout, and Lambda's shipping to CloudWatch, are not.</li>
 * </ul>
 */
final class LogOutput {

    static final String OFF = "off";
    static final String JSON = "json";

    private LogOutput() {
    }

    static void use(String mode) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("Logback is not the SLF4J provider here: " + LoggerFactory.getILoggerFactory());
        }
        context.reset();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        switch (mode) {
            case OFF -> {
                PatternLayoutEncoder encoder = new PatternLayoutEncoder();
                encoder.setContext(context);
                encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
                encoder.start();
                ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
                console.setContext(context);
                console.setEncoder(encoder);
                console.start();
                root.addAppender(console);
                root.setLevel(Level.WARN);
            }
            case JSON -> {
                // Outside a Spring application the encoder needs an Environment in the logger context to start.
                context.putObject(Environment.class.getName(), new StandardEnvironment());
                StructuredLogEncoder encoder = new StructuredLogEncoder();
                encoder.setContext(context);
                encoder.setFormat("logstash");
                encoder.setCharset(StandardCharsets.UTF_8);
                encoder.start();
                OutputStreamAppender<ILoggingEvent> discard = new OutputStreamAppender<>();
                discard.setContext(context);
                discard.setEncoder(encoder);
                discard.setOutputStream(OutputStream.nullOutputStream());
                discard.start();
                root.addAppender(discard);
                root.setLevel(Level.INFO);
            }
            default -> throw new IllegalArgumentException("log output " + mode + ": use " + OFF + " or " + JSON);
        }
    }
}
