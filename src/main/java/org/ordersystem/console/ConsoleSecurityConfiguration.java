package org.ordersystem.console;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordersystem.auth.AuthService;
import org.ordersystem.auth.PasswordResets;
import org.ordersystem.system.web.ClientAddress;
import org.ordersystem.user.UserService;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The console's own filter chain, ahead of the API's: form sign-in through the API's login
 * rules, a session cookie, CSRF tokens on every form, the account re-checked on every request,
 * admin pages for administrators. Its pages allow scripts and styles from this origin only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain consoleSecurity(HttpSecurity http, AuthService auth, ClientAddress clientAddress,
            UserService users, ConsoleProperties properties) throws Exception {
        ConsoleSignIn signIn = new ConsoleSignIn(auth, clientAddress);
        return http
                .securityMatcher("/", "/ui", "/ui/**")
                .authenticationProvider(signIn)
                .formLogin(form -> form.loginPage(ConsoleSignIn.SIGN_IN).loginProcessingUrl(ConsoleSignIn.SIGN_IN)
                        .usernameParameter("email").passwordParameter("password")
                        .authenticationDetailsSource(signIn::details)
                        .successHandler(signIn).failureHandler(signIn).permitAll())
                .logout(logout -> logout.logoutUrl("/ui/sign-out")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication instanceof ConsoleSignIn.Signed signed) {
                                auth.endConsoleSession(signed.getPrincipal().id(), signed.session());
                            }
                        })
                        .logoutSuccessUrl(ConsoleSignIn.SIGN_IN + "?signed-out"))
                .httpBasic(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.securityContextRepository(new HttpSessionSecurityContextRepository()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // the system module writes the other security headers for every response
                .headers(headers -> headers.defaultsDisabled()
                        .addHeaderWriter(new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                .addFilterBefore(new ConsoleSessionCheck(users), AuthorizationFilter.class)
                .addFilterAfter(new ConsoleRequestLimit(properties.rateLimit(), clientAddress), ConsoleSessionCheck.class)
                .addFilterBefore(new ConsoleGate(properties.enabled()), DisableEncodeUrlFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/", "/ui", ConsoleSignIn.SIGN_IN, "/ui/register", AccountPages.CHECK,
                                PasswordResetPages.REQUEST, PasswordResets.PAGE).permitAll()
                        .requestMatchers("/ui/admin", "/ui/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, ex) -> toSignIn(request, response))
                        .accessDeniedHandler((request, response, ex) -> ConsoleErrors.forward(request, response,
                                HttpServletResponse.SC_FORBIDDEN, ex instanceof CsrfException
                                        ? "This form has expired (or did not come from this site); reload the page "
                                                + "and try again."
                                        : "This page is for administrators.")))
                .build();
    }

    /**
     * Sessions are the console's only: the session filter (Spring Session, PostgreSQL) runs for
     * its paths, so an API request never wraps, looks up or stores one.
     */
    @Bean
    static BeanPostProcessor consoleOnlySessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DelegatingFilterProxyRegistrationBean registration
                        && beanName.equals("sessionRepositoryFilterRegistration")) {
                    registration.setUrlPatterns(List.of("/", "/ui", "/ui/*"));
                }
                return bean;
            }
        };
    }

    private static void toSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + ConsoleSignIn.SIGN_IN);
    }
}
