package org.ordersystem.system.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
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

    /** The names of the variables the translation reads when given these variables (it reads some only when others are set). */
    public static Set<String> namesRead(Map<String, String> variables) {
        Set<String> names = new TreeSet<>();
        EnvironmentSettings.translate(name -> {
            names.add(name);
            return variables.get(name);
        });
        return names;
    }

    /** The line start-up fails with, e.g. {@code Invalid configuration: RATELIMIT_DEFAULT has 'lots'; ...}, or null. */
    public static String refusal(Throwable startupFailure) {
        FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer().analyze(startupFailure);
        return analysis == null ? null : analysis.getDescription();
    }

    /** The {@code type} bean a context binds from these variables. */
    public static <T> T bound(ApplicationContextRunner contexts, Class<T> type, String... variables) {
        AtomicReference<T> bean = new AtomicReference<>();
        contexts.withInitializer(of(variables)).run(context -> bean.set(context.getBean(type)));
        return bean.get();
    }

    /** The line a context given these variables fails to start with; null when it starts. */
    public static String refusal(ApplicationContextRunner contexts, String... variables) {
        AtomicReference<String> line = new AtomicReference<>();
        contexts.withInitializer(of(variables)).run(context -> line.set(
                context.getStartupFailure() == null ? null : refusal(context.getStartupFailure())));
        return line.get();
    }
}
