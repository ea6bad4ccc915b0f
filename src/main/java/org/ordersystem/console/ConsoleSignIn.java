package org.ordersystem.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordersystem.auth.AuthService;
import org.ordersystem.auth.AuthService.ConsoleSession;
import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.web.ClientAddress;
import org.ordersystem.user.CurrentUser;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Signing in to the console: the form's e-mail and password go through the same service as
 * an API login (brute-force guard, deactivation), which opens a revocable console session.
 */
final class ConsoleSignIn implements AuthenticationProvider, AuthenticationFailureHandler,
        AuthenticationSuccessHandler {

    static final String SIGN_IN = "/ui/sign-in";

    private final AuthService auth;
    private final ClientAddress clientAddress;

    ConsoleSignIn(AuthService auth, ClientAddress clientAddress) {
        this.auth = auth;
        this.clientAddress = clientAddress;
    }

    /** A signed-in console user: the principal the pages act as, and the session's id. */
    static final class Signed extends AbstractAuthenticationToken {

        private final CurrentUser user;
        private final UUID session;

        Signed(CurrentUser user, UUID session) {
            super(user.admin() ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                    : List.of(new SimpleGrantedAuthority("ROLE_USER")));
            this.user = user;
            this.session = session;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public CurrentUser getPrincipal() {
            return user;
        }

        UUID session() {
            return session;
        }
    }

    /** The client's address, taken from the request when the form is submitted. */
    record Attempt(String clientAddress) {
    }

    Attempt details(HttpServletRequest request) {
        return new Attempt(clientAddress.of(request));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName() == null ? "" : authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof Attempt attempt ? attempt.clientAddress() : "unknown";
        try {
            ConsoleSession session = auth.openConsoleSession(email, password, address);
            Signed signed = new Signed(session.user().principal(), session.id());
            signed.setDetails(session.maxIdle());
            return signed;
        }
        catch (ApiException ex) {
            throw new Refused(ex);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Back to the form, saying why (wrong credentials, deactivated, too many attempts). */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String reason = exception instanceof Refused refused ? refused.reason.code().name() : "INVALID_CREDENTIALS";
        response.sendRedirect(request.getContextPath() + SIGN_IN + "?error=" + reason);
    }

    /** Idle no longer than the session's bound, then to the orders. */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        if (authentication.getDetails() instanceof Duration maxIdle) {
            request.getSession().setMaxInactiveInterval((int) maxIdle.toSeconds());
        }
        response.sendRedirect(request.getContextPath() + "/ui/orders");
    }

    /** A refused sign-in, carrying the API's reason. */
    static final class Refused extends AuthenticationException {

        private final transient ApiException reason;

        Refused(ApiException reason) {
            super(reason.code().name());
            this.reason = reason;
        }
    }
}
