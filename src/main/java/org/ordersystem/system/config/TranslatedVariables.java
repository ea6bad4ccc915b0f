package org.ordersystem.system.config;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.MapPropertySource;

/**
 * The Spring properties translated from the guide's variables. Each knows the variable it
 * came from as its {@link Origin}, so a module that refuses a value at binding time is
 * reported by that variable's name (InvalidConfigurationFailureAnalyzer).
 */
final class TranslatedVariables extends MapPropertySource implements OriginLookup<String> {

    static final String NAME = "orderBackendEnvironment";

    private final Map<String, String> variables;

    /** @param variables the variable each property came from */
    TranslatedVariables(Map<String, Object> properties, Map<String, String> variables) {
        super(NAME, properties);
        this.variables = Map.copyOf(variables);
    }

    @Override
    public Origin getOrigin(String property) {
        String variable = variables.get(property);
        return variable == null ? null : new Variable(variable);
    }

    /** The guide's variable a bound value came from, if it came from one. */
    static Optional<String> variableOf(Origin origin) {
        for (Origin candidate = origin; candidate != null; candidate = candidate.getParent()) {
            Origin actual = candidate instanceof PropertySourceOrigin source ? source.getOrigin() : candidate;
            if (actual instanceof Variable variable) {
                return Optional.of(variable.name());
            }
        }
        return Optional.empty();
    }

    /** Where a value came from, as Spring Boot's own failure reports show it. */
    record Variable(String name) implements Origin {

        @Override
        public String toString() {
            return "environment variable " + name;
        }
    }
}
