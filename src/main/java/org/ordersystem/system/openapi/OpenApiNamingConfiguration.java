package org.ordersystem.system.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI schemas in the API's snake_case: springdoc reads models with its own (Jackson 2) mapper. */
@Configuration(proxyBeanMethods = false)
class OpenApiNamingConfiguration {

    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(true);
    }
}
