package org.ordersystem.console;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.ordersystem.user.UserService;
import org.ordersystem.user.UserStatus;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The account as it is now, on every console request, as the API checks it on every token: a
 * deactivated or deleted account, or a session ended elsewhere (sign-out, password change),
 * ends this one and goes back to the sign-in page. Promotion and renaming show at once.
 */
final class ConsoleSessionCheck extends OncePerRequestFilter {

    private final UserService users;

    ConsoleSessionCheck(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ConsoleSignIn.Signed signed) {
            Optional<UserStatus> status = users.status(signed.getPrincipal().id());
            if (status.isEmpty() || !status.get().active() || status.get().hasEnded(signed.session())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + ConsoleSignIn.SIGN_IN + "?ended");
                return;
            }
            if (!status.get().principal().equals(signed.getPrincipal())) {
                ConsoleSignIn.Signed current = new ConsoleSignIn.Signed(status.get().principal(), signed.session());
                SecurityContextHolder.getContext().setAuthentication(current);
            }
        }
        chain.doFilter(request, response);
    }
}
