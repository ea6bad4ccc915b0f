package org.ordersystem.system.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON log lines come out byte for byte as Spring Boot's structured encoder writes them, through
 * the encoder that does not push them through a writer one character at a time.
 */
class JsonLogEncodingTests {

    @Test
    void everyStartReplacesBootsStructuredEncoderByTheOneThatWritesTheSameBytes() {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(),
                new MockEnvironment().withProperty("logging.structured.ecs.service.name", "order-backend"));
        StructuredLogEncoder boot = new StructuredLogEncoder();
        boot.setContext(context);
        boot.setFormat("ecs");
        boot.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(boot);
        appender.setOutputStream(out);
        appender.start();
        Logger access = context.getLogger("access");
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);

        JsonLogEncoding.install(context);

        assertThat(appender.getEncoder()).isInstanceOf(JsonLogEncoding.StringEncoded.class);
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), access, Level.INFO,
                "GET {} 200 {}ms — «ünïcödé» \"quoted\"\n", null, new Object[] {"/api/orders/{id}", 3});
        event.setMDCPropertyMap(Map.of("request_id", "2f0c6a52-5d5e-4a48-9c1f-0d1e2c3b4a59"));
        event.addKeyValuePair(new KeyValuePair("http.response.status_code", 200));
        event.addKeyValuePair(new KeyValuePair("url.path_template", "/api/orders/{id}"));
        access.callAppenders(event);

        String line = out.toString(StandardCharsets.UTF_8);
        assertThat(out.toByteArray()).isEqualTo(boot.encode(event));
        assertThat(line).startsWith("{\"@timestamp\":").endsWith("}\n").contains("«ünïcödé»")
                .contains("\"url\":{\"path_template\":\"/api/orders/{id}\"}");
    }

    @Test
    void isAListenerOfEveryApplicationStart() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
                .anyMatch(JsonLogEncoding.class::isInstance);
    }
}
