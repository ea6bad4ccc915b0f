package org.ordersystem.system.config;

import java.lang.reflect.Field;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.util.ReflectionUtils;

/**
 * Writes JSON log lines (LOG_FORMAT=json) from the formatter's string instead of through
 * Spring Boot 4.0's {@code WritableJson.toByteArray}, which pushes every character through an
 * {@code OutputStreamWriter} one at a time (spring-boot#49428, fixed in Boot 4.1): at the default
 * level that made the access line alone cost a cached read 55 µs of its ~250 µs of CPU
 * (bench/README.md). The lines are the same bytes; only how they are encoded changes. Installed
 * right after Boot has configured logging, on each appender whose encoder is Boot's structured
 * one; when a later Boot no longer has the formatter where this looks, Boot's encoder stays.
 * Delete this class once the project is on Boot 4.1.
 */
class JsonLogEncoding implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Field FORMATTER = field("formatter");
    private static final Field CHARSET = field("charset");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            install(context);
        }
    }

    /** Gives each of the root logger's appenders that encodes with Boot's structured encoder this one. */
    static void install(LoggerContext context) {
        if (FORMATTER == null) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (var appenders = root.iteratorForAppenders(); appenders.hasNext();) {
            Appender<ILoggingEvent> appender = appenders.next();
            if (appender instanceof OutputStreamAppender<ILoggingEvent> output
                    && output.getEncoder() instanceof StructuredLogEncoder boot
                    && ReflectionUtils.getField(FORMATTER, boot) instanceof StructuredLogFormatter<?> formatter) {
                output.setEncoder(encoderOf(formatter, boot, context));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static StringEncoded encoderOf(StructuredLogFormatter<?> formatter, StructuredLogEncoder boot,
            LoggerContext context) {
        Charset charset = CHARSET != null && ReflectionUtils.getField(CHARSET, boot) instanceof Charset set ? set
                : StandardCharsets.UTF_8;
        StringEncoded encoder = new StringEncoded((StructuredLogFormatter<ILoggingEvent>) formatter, charset);
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static Field field(String name) {
        Field field = ReflectionUtils.findField(StructuredLogEncoder.class, name);
        if (field != null) {
            ReflectionUtils.makeAccessible(field);
        }
        return field;
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    /** A structured log line as its formatter's string, encoded in one step. */
    static final class StringEncoded extends EncoderBase<ILoggingEvent> {

        private final StructuredLogFormatter<ILoggingEvent> formatter;
        private final Charset charset;

        StringEncoded(StructuredLogFormatter<ILoggingEvent> formatter, Charset charset) {
            this.formatter = formatter;
            this.charset = charset;
        }

        @Override
        public byte[] headerBytes() {
            return null;
        }

        @Override
        public byte[] encode(ILoggingEvent event) {
            return formatter.format(event).getBytes(charset);
        }

        @Override
        public byte[] footerBytes() {
            return null;
        }
    }
}
