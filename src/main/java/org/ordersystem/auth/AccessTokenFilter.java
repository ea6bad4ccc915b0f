package org.ordersystem.auth;

import org.ordersystem.system.problem.CommonErrorCode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ProblemWriter;
import org.ordersystem.user.UserService;
import org.ordersystem.user.UserStatus;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code Authorization: Bearer} access token (never one in
 * the query string). The principal is the caller as they are now, from the cached user
 * status, so that promotion, deactivation and ended sessions hold for tokens issued before.
 * A token that does not pass leaves the request anonymous, with the reason kept in the
 * request attribute {@link #REFUSAL}: the rate limiter then counts it against the client's
 * address, and under /api the authentication entry point answers with that reason. Elsewhere
 * (health, metrics with its own bearer token) the request just goes on anonymously.
 */
class AccessTokenFilter extends OncePerRequestFilter {

    static final String REFUSAL = AccessTokenFilter.class.getName() + ".REFUSAL";
    private static final String BEARER = "Bearer ";

    private final TokenService tokens;
    private final UserService users;
    private final ProblemWriter problems;
    private final RequestMatcher strict;
    private final RequestMatcher skipped;

    AccessTokenFilter(TokenService tokens, UserService users, ProblemWriter problems, RequestMatcher strict,
            RequestMatcher skipped) {
        this.tokens = tokens;
        this.users = users;
        this.problems = problems;
        this.strict = strict;
        this.skipped = skipped;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return skipped.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        try {
            authenticate(header.substring(BEARER.length()).strip());
        }
        catch (ApiException ex) {
            request.setAttribute(REFUSAL, ex);
        }
        catch (DataAccessException | TransactionException ex) {
            if (strict.matches(request)) {
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.RETRY_AFTER, "5");
                problems.write(request, response, CommonErrorCode.SERVICE_UNAVAILABLE,
                        "The database is unreachable; try again shortly.", headers);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void authenticate(String token) {
        AccessToken accessToken = tokens.verifyAccess(token);
        UserStatus user = users.status(accessToken.userId())
                .orElseThrow(() -> new InvalidToken("The token's user no longer exists."));
        if (!user.active()) {
            throw new AccountDeactivated();
        }
        if (user.hasEnded(accessToken.session())) {
            throw new InvalidToken("The token has been revoked: its session has ended.");
        }
        List<SimpleGrantedAuthority> authorities = user.admin()
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
                .authenticated(user.principal(), null, authorities);
        authentication.setDetails(accessToken);
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
    }
}
