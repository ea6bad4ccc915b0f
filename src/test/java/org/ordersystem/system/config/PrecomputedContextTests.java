package org.ordersystem.system.config;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each variable that chooses which beans exist shows in the choices the build records and a
 * start compares (the start itself, from the generated code and without it, is in
 * PrecomputedContextIT).
 */
class PrecomputedContextTests {

    private static final String DEPLOYED = "database=url, redis=on, cache=redis, mail=off, sentry=off, datadog=off";

    private static String choices(String... pairs) {
        Map<String, String> variables = new HashMap<>(Map.of("DATABASE_URL", "postgresql://db/orders",
                "REDIS_URL", "redis://cache:6379/0"));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                variables.remove(pairs[i]);
            }
            else {
                variables.put(pairs[i], pairs[i + 1]);
            }
        }
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(EnvironmentSettings.translate(variables::get));
        return PrecomputedContext.choices(new PropertySourcesPropertyResolver(sources)).toString()
                .replaceAll("[{}]", "");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -              | -                                  | database=url, redis=on, cache=redis, mail=off, sentry=off, datadog=off
            DATABASE_URL   | -                                  | database=embedded, redis=on, cache=redis, mail=off, sentry=off, datadog=off
            REDIS_URL      | -                                  | database=url, redis=off, cache=caffeine, mail=off, sentry=off, datadog=off
            CACHE_TYPE     | none                               | database=url, redis=on, cache=none, mail=off, sentry=off, datadog=off
            SMTP_HOST      | mail.example.com                   | database=url, redis=on, cache=redis, mail=on, sentry=off, datadog=off
            SENTRY_DSN     | https://key@sentry.example.com/42  | database=url, redis=on, cache=redis, mail=off, sentry=on, datadog=off
            DATADOG_API_KEY| dd-key                             | database=url, redis=on, cache=redis, mail=off, sentry=off, datadog=on
            """)
    void eachDecidingVariableShowsInTheChoices(String variable, String value, String expected) {
        String choices = variable == null ? choices() : choices(variable, value);

        assertThat(choices).isEqualTo(expected);
        assertThat(choices.equals(DEPLOYED)).isEqualTo(variable == null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            LOG_LEVEL       | debug
            PORT            | 9000
            METRICS_TOKEN   | scrape-token-0123456789
            TRUSTED_PROXIES | 10.0.0.0/8
            DATABASE_POOL_SIZE | 5
            """)
    void settingsThatOnlyTuneBeansLeaveTheChoicesAlone(String variable, String value) {
        assertThat(choices(variable, value)).isEqualTo(DEPLOYED);
    }
}
