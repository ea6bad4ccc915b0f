package org.ordersystem.system.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused configuration into one clear line instead of a stack trace. */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfiguration> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfiguration cause) {
        return new FailureAnalysis("Invalid configuration: " + cause.getMessage(),
                "Fix the environment variable " + cause.variable() + " and start again.", null);
    }
}
