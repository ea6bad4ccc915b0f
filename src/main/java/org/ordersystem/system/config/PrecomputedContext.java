package org.ordersystem.system.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;

/**
 * Spring AOT ({@code process-aot}, run by {@code mvn package}) fixes the application's bean
 * definitions as the build's settings chose them; the image starts from those with
 * {@code -Dspring.aot.enabled=true}, skipping the configuration parsing and condition
 * evaluation. A few settings choose which beans exist (the database, Redis, the cache store,
 * SMTP, Sentry, Datadog): the build records their choice next to the generated code, and a
 * start whose settings choose differently runs without the generated code instead of with
 * beans that do not fit (slower, and said once in the log).
 */
final class PrecomputedContext {

    static final String RECORD = "META-INF/order-backend/precomputed-context.properties";
    static final String AOT_ENABLED = "spring.aot.enabled";
    private static final List<String> CHOICES = List.of("database", "redis", "cache", "mail", "sentry", "datadog");

    private PrecomputedContext() {
    }

    /** What the translated settings choose: the keys and values compared between build and start. */
    static Map<String, String> choices(PropertyResolver settings) {
        Map<String, String> choices = new LinkedHashMap<>(); // in the order of CHOICES
        choices.put("database", settings.getProperty("order.database.embedded", Boolean.class, false)
                ? "embedded" : "url");
        choices.put("redis", onOff(settings.getProperty("order.redis.enabled", Boolean.class, false)));
        choices.put("cache", settings.getProperty("spring.cache.type", "none"));
        choices.put("mail", onOff(settings.getProperty("order.mail.enabled", Boolean.class, false)));
        choices.put("sentry", onOff(settings.containsProperty("sentry.dsn")));
        choices.put("datadog", onOff(settings.getProperty("management.datadog.metrics.export.enabled", Boolean.class,
                false)));
        return choices;
    }

    /**
     * At start, after the translation: keeps the generated code when it was made for these
     * choices, otherwise switches it off (the flag is read when the context is created, later).
     */
    static void useOnlyIfMatching(PropertyResolver settings, ClassLoader classLoader, Log log) {
        if (!AotDetector.useGeneratedArtifacts()) {
            return;
        }
        Map<String, String> built = recorded(classLoader);
        Map<String, String> now = choices(settings);
        if (built.equals(now)) {
            return;
        }
        System.setProperty(AOT_ENABLED, "false");
        log.info(built.isEmpty()
                ? "Starting without ahead-of-time bean definitions: this jar carries none (built without process-aot)"
                : "Starting without ahead-of-time bean definitions (a slower start): they were built for "
                        + describe(built) + ", these settings choose " + describe(now));
    }

    static Map<String, String> recorded(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(RECORD)) {
            if (in == null) {
                return Map.of();
            }
            Properties properties = new Properties();
            properties.load(in);
            Map<String, String> built = new LinkedHashMap<>();
            CHOICES.forEach(choice -> built.put(choice, properties.getProperty(choice)));
            return built;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String describe(Map<String, String> choices) {
        return choices.entrySet().stream().map(choice -> choice.getKey() + "=" + choice.getValue())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    /** At build time (process-aot): writes the build's choices next to the generated code. */
    static final class Recorder implements BeanFactoryInitializationAotProcessor {

        @Override
        public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
            Map<String, String> choices = choices(beanFactory.getBean(Environment.class));
            return (generationContext, code) -> generationContext.getGeneratedFiles().addResourceFile(RECORD,
                    choices.entrySet().stream().map(choice -> choice.getKey() + "=" + choice.getValue() + "\n")
                            .collect(Collectors.joining()));
        }
    }
}
