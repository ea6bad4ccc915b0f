package org.ordersystem.auth;

import org.ordersystem.system.problem.CommonErrorCode;
import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ProblemWriter;
import org.ordersystem.system.web.RequestPaths;
import org.ordersystem.user.UserService;

import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Stateless bearer-token security: no session, no cookies, no CSRF (nothing is
 * authenticated by the browser), the contract's public paths open, the admin paths for
 * administrators, the rest of {@code /api} authenticated, and 401/403 answered as problem+json.
 * Every rule names paths only, never methods, so HEAD, OPTIONS and any other verb meet the
 * same rule as GET. Security headers are written for every response by the system module.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] PUBLIC_API = { "/api/auth/register", "/api/auth/login", "/api/auth/token",
            "/api/auth/refresh", "/api/auth/password-reset", "/api/auth/password-reset/confirm" };
    private static final String[] OWN_ACCOUNT = { "/api/users/me", "/api/users/me/**" };
    private static final String[] ADMIN_ONLY = { "/api/users", "/api/users/**", "/api/webhooks", "/api/webhooks/**" };

    /**
     * No observation of the chain: with the observations merely disabled, Spring Security still
     * wraps every filter to find out, on every request, that it records nothing (a few % of a
     * cached read's CPU). {@code http.server.requests} times the whole request.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems, TokenService tokens,
            UserService users) throws Exception {
        RequestMatcher publicApi = new OrRequestMatcher(Arrays.stream(PUBLIC_API).map(RequestPaths::matcher).toList());
        AccessTokenFilter accessTokens = new AccessTokenFilter(tokens, users, problems, RequestPaths.API, publicApi);
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(accessTokens, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(publicApi).permitAll()
                        .requestMatchers(OWN_ACCOUNT).authenticated()
                        .requestMatchers(ADMIN_ONLY).hasRole("ADMIN")
                        .requestMatchers(RequestPaths.API).authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, ex) -> unauthenticated(problems, request, response))
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                CommonErrorCode.INSUFFICIENT_PERMISSIONS, "This action needs an administrator.")))
                .build();
    }

    /** Why the caller is anonymous: the access token's refusal when one was presented, else no token at all. */
    private static void unauthenticated(ProblemWriter problems, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        if (request.getAttribute(AccessTokenFilter.REFUSAL) instanceof ApiException refusal) {
            if (refusal.code().status().value() == 401) {
                headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            }
            problems.write(request, response, refusal, headers);
            return;
        }
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        problems.write(request, response, CommonErrorCode.UNAUTHENTICATED, "A bearer access token is required.",
                headers);
    }
}
