package org.ordersystem.system.config;

import java.util.Optional;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a refused configuration into one clear line naming the variable to fix, instead of
 * a stack trace: a refusal of the translation or the start-up guard, or a value that came
 * from one of the guide's variables and that a module's properties record refused when it
 * was bound. The value itself is never shown: it may be a secret.
 */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<Throwable> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, Throwable cause) {
        InvalidConfiguration refusal = refusal(rootFailure);
        if (refusal == null) {
            return null;
        }
        return new FailureAnalysis("Invalid configuration: " + refusal.getMessage(),
                "Fix the environment variable " + refusal.variable() + " and start again.", null);
    }

    /** Ahead of Spring Boot's analyzers of binding failures, which print the value. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private InvalidConfiguration refusal(Throwable failure) {
        InvalidConfiguration refused = findCause(failure, InvalidConfiguration.class);
        if (refused != null) {
            return refused;
        }
        BindValidationException invalid = findCause(failure, BindValidationException.class);
        if (invalid != null) {
            ValidationErrors errors = invalid.getValidationErrors();
            for (ObjectError error : errors) {
                Optional<String> variable = TranslatedVariables.variableOf(Origin.from(error))
                        .or(() -> TranslatedVariables.variableOf(nestedOrigin(errors, error)));
                if (variable.isPresent()) {
                    return new InvalidConfiguration(variable.get(), error.getDefaultMessage());
                }
            }
            return null;
        }
        BindException unconvertible = findCause(failure, BindException.class);
        if (unconvertible == null || unconvertible.getProperty() == null) {
            return null;
        }
        return TranslatedVariables.variableOf(unconvertible.getProperty().getOrigin())
                .map(variable -> new InvalidConfiguration(variable, reason(unconvertible)))
                .orElse(null);
    }

    /**
     * Boot gives a field error its value's origin only for the record's own fields; a nested
     * record's field ({@code replica.maxLag}) is found among the bound properties by name.
     */
    private static Origin nestedOrigin(ValidationErrors errors, ObjectError error) {
        if (!(error instanceof FieldError field) || !field.getField().contains(".")) {
            return null;
        }
        ConfigurationPropertyName name = errors.getName()
                .append(ConfigurationPropertyName.adapt(field.getField(), '.'));
        return errors.getBoundProperties().stream().filter(property -> property.getName().equals(name))
                .map(ConfigurationProperty::getOrigin).findFirst().orElse(null);
    }

    /** The innermost message, written by the type the value was to become (e.g. Rate). */
    private static String reason(BindException failure) {
        String message = NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
        return message != null ? message : "has a value that cannot be used here";
    }
}
