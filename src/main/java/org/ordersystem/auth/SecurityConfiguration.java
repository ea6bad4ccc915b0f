package org.ordersystem.auth;

import jakarta.servlet.DispatcherType;

import org.ordersystem.system.ErrorCode;
import org.ordersystem.system.ProblemWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security: no session, no cookies, no CSRF (nothing is
 * authenticated by the browser), the contract's public paths open, the rest of
 * {@code /api} authenticated, and 401/403 answered as problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] PUBLIC_API = { "/api/auth/register", "/api/auth/login", "/api/auth/token",
            "/api/auth/refresh" };

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.frameOptions(frame -> frame.deny()))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(PUBLIC_API).permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
                                ErrorCode.UNAUTHENTICATED, "A bearer access token is required."))
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                ErrorCode.INSUFFICIENT_PERMISSIONS, "This action needs an administrator.")))
                .build();
    }
}
