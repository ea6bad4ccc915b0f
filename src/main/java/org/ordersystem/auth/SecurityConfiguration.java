package org.ordersystem.auth;

import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.ordersystem.system.ErrorCode;
import org.ordersystem.system.ProblemWriter;
import org.ordersystem.user.UserService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Stateless bearer-token security: no session, no cookies, no CSRF (nothing is
 * authenticated by the browser), the contract's public paths open, the admin paths for
 * administrators, the rest of {@code /api} authenticated, and 401/403 answered as problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] PUBLIC_API = { "/api/auth/register", "/api/auth/login", "/api/auth/token",
            "/api/auth/refresh" };
    private static final String USER_ID = "/api/users/{id:\\d+}";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems, TokenService tokens,
            RevokedAccessTokens revoked, UserService users) throws Exception {
        AccessTokenFilter accessTokens = new AccessTokenFilter(tokens, revoked, users, problems,
                PathPatternRequestMatcher.withDefaults().matcher("/api/**"), publicApi());
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // nosniff and Cache-Control: no-store stay on by default; HSTS is written on TLS requests only
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(accessTokens, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(PUBLIC_API).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/users", "/api/users/statistics").hasRole("ADMIN")
                        .requestMatchers(USER_ID, USER_ID + "/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, ex) -> {
                            HttpHeaders headers = new HttpHeaders();
                            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            problems.write(request, response, ErrorCode.UNAUTHENTICATED,
                                    "A bearer access token is required.", Map.of(), headers);
                        })
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                ErrorCode.INSUFFICIENT_PERMISSIONS, "This action needs an administrator.")))
                .build();
    }

    private static RequestMatcher publicApi() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(PUBLIC_API).map(paths::matcher)
                .map(RequestMatcher.class::cast).toList());
    }
}
