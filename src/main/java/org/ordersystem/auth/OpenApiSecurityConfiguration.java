package org.ordersystem.auth;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the bearer scheme in the OpenAPI document: an OAuth2 password flow on
 * /api/auth/token (Swagger UI's Authorize button signs in with it) and a plain HTTP bearer
 * scheme for a pasted token. Every /api operation but the public ones requires either.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurityConfiguration {

    static final String BEARER = "bearer";
    static final String OAUTH2 = "oauth2";

    @Bean
    OpenApiCustomizer bearerSecurity() {
        List<String> publicPaths = Arrays.asList(SecurityConfiguration.PUBLIC_API);
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .bearerFormat("JWT").description("An access token from /api/auth/login or /api/auth/token"))
                    .addSecuritySchemes(OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                            .description("Sign in with email (as username) and password")
                            .flows(new OAuthFlows().password(new OAuthFlow().tokenUrl("/api/auth/token")
                                    .refreshUrl("/api/auth/token").scopes(new Scopes()))));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/") && !publicPaths.contains(path)) {
                    item.readOperations().stream().filter(operation -> operation.getSecurity() == null)
                            .forEach(operation -> operation
                                    .addSecurityItem(new SecurityRequirement().addList(BEARER))
                                    .addSecurityItem(new SecurityRequirement().addList(OAUTH2)));
                }
            });
        };
    }
}
