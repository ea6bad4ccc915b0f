package org.ordersystem.system.config;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Puts the translated configuration variables in front of every other property source, then
 * checks that the ahead-of-time bean definitions, when asked for, fit what they choose.
 */
class ServiceEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    ServiceEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(PrecomputedContext.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().remove(TranslatedVariables.NAME);
        environment.getPropertySources().addFirst(EnvironmentSettings.translate(environment::getProperty));
        PrecomputedContext.useOnlyIfMatching(environment, application.getClassLoader(), log);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
