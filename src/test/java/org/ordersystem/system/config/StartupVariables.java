package org.ordersystem.system.config;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * For a module's tests of its properties record: the guide's variables as the application
 * translates them, and the one line a refused value stops start-up with.
 */
public final class StartupVariables {

    private StartupVariables() {
    }

    /** Puts these variables ({@code NAME, value, ...}), translated, in front of a test context's properties. */
    public static ApplicationContextInitializer<ConfigurableApplicationContext> of(String... pairs) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put(pairs[i], pairs[i + 1]);
        }
        return context -> context.getEnvironment().getPropertySources()
                .addFirst(EnvironmentSettings.translate(variables::get));
    }

    /** The line start-up fails with, e.g. {@code Invalid configuration: RATELIMIT_DEFAULT has 'lots'; ...}, or null. */
    public static String refusal(Throwable startupFailure) {
        FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer().analyze(startupFailure);
        return analysis == null ? null : analysis.getDescription();
    }
}
