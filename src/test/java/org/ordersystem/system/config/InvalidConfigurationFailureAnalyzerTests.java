package org.ordersystem.system.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordersystem.ratelimit.Rate;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.Delimiter;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A module's refusal of a value names the guide's variable the value came from, like the translation's own refusals. */
class InvalidConfigurationFailureAnalyzerTests {

    private static final String SECRET = "hunter2-hunter2";

    /** Stands for a module's properties record and its rule. */
    record Tokens(String secretKey) {
    }

    record Limits(@Delimiter(";") List<Rate> limits) {
    }

    private static final Validator SHORT_KEYS_REFUSED = new Validator() {
        @Override
        public boolean supports(Class<?> type) {
            return type == Tokens.class;
        }

        @Override
        public void validate(Object target, Errors errors) {
            errors.rejectValue("secretKey", "short", "must be at least 32 bytes for HS256");
        }
    };

    private final InvalidConfigurationFailureAnalyzer analyzer = new InvalidConfigurationFailureAnalyzer();

    @Test
    void refusalsOfTheTranslationNameTheVariable() {
        FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("start-up failed",
                new InvalidConfiguration("ALGORITHM", "must be HS256, HS384 or HS512")));

        assertThat(analysis.getDescription()).isEqualTo("Invalid configuration: ALGORITHM must be HS256, HS384 or HS512");
        assertThat(analysis.getAction()).isEqualTo("Fix the environment variable ALGORITHM and start again.");
    }

    @Test
    void aValueAModuleRefusesNamesTheVariableItCameFromAndNotTheValue() {
        Throwable failure = bindingFailure(EnvironmentSettings.translate(Map.of("SECRET_KEY", SECRET)::get),
                "order.tokens", Tokens.class, new ValidationBindHandler(SHORT_KEYS_REFUSED));

        FailureAnalysis analysis = analyzer.analyze(failure);

        assertThat(analysis.getDescription())
                .isEqualTo("Invalid configuration: SECRET_KEY must be at least 32 bytes for HS256");
        assertThat(analysis.getAction()).isEqualTo("Fix the environment variable SECRET_KEY and start again.");
        assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(SECRET);
    }

    @Test
    void aValueThatCannotBecomeItsTypeNamesTheVariableWithTheTypesReason() {
        Throwable failure = bindingFailure(EnvironmentSettings.translate(Map.of("RATELIMIT_DEFAULT", "100/hour;lots")::get),
                "order.ratelimit", Limits.class, BindHandler.DEFAULT);

        assertThat(analyzer.analyze(failure).getDescription())
                .startsWith("Invalid configuration: RATELIMIT_DEFAULT has 'lots'; write N/second");
    }

    @Test
    void leavesPropertiesSetDirectlyToSpringBootsOwnReport() {
        Throwable failure = bindingFailure(new MapPropertySource("direct", Map.of("order.ratelimit.limits", "lots")),
                "order.ratelimit", Limits.class, BindHandler.DEFAULT);

        assertThat(analyzer.analyze(failure)).isNull();
        assertThat(analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
    }

    private static Throwable bindingFailure(PropertySource<?> source, String prefix, Class<?> type, BindHandler handler) {
        Binder binder = new Binder(ConfigurationPropertySources.from(source));
        Throwable failure = catchThrowable(() -> binder.bind(prefix, Bindable.of(type), handler));
        assertThat(failure).as("binding %s", type.getSimpleName()).isNotNull();
        return new IllegalStateException("context failed", failure);
    }
}
