package org.ordersystem.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.user.EmailAddress;
import org.ordersystem.user.UserAccount;
import org.ordersystem.user.UserService;
import org.ordersystem.user.UserStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login, refresh-token rotation with reuse detection, logout and password change. A session
 * is one login's refresh family; ending it revokes the family and drops the user's cached
 * status, whose list of ended sessions every request's access token is checked against.
 */
@Service
public class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private final UserService users;
    private final TokenService tokens;
    private final RefreshTokenStore refreshTokens;
    private final LoginGuard guard;
    private final Counter loginFailures;
    private final Counter lockouts;

    AuthService(UserService users, TokenService tokens, RefreshTokenStore refreshTokens, LoginGuard guard,
            MeterRegistry meters) {
        this.users = users;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.guard = guard;
        this.loginFailures = Counter.builder("auth.login.failures").description("Logins refused for wrong credentials")
                .register(meters);
        this.lockouts = Counter.builder("auth.lockouts")
                .description("Logins refused by the brute-force guard (TOO_MANY_ATTEMPTS)").register(meters);
    }

    /** Starts a new session (refresh family). Not transactional: no connection is held while bcrypt runs. */
    public Tokens login(String email, String password, String clientAddress) {
        return issue(signIn(email, password, clientAddress), UUID.randomUUID());
    }

    /** A web console session: who signed in, its id, and how long it may stay idle. */
    public record ConsoleSession(UserStatus user, UUID id, Duration maxIdle) {
    }

    /**
     * Opens a web console session, through the same brute-force guard and deactivation rule as
     * a login. Its id is a refresh-token family whose token is never handed out, so that a
     * logout, a password change or a refresh-token reuse ends it as it ends an API session. It
     * may stay idle no longer than an access token lives: an ended session is then among the
     * ended ones the account state lists for as long as it could still be used.
     */
    public ConsoleSession openConsoleSession(String email, String password, String clientAddress) {
        UserStatus user = signIn(email, password, clientAddress);
        UUID session = UUID.randomUUID();
        refreshTokens.save(tokens.issueRefresh(user.id(), session), user.id(), session);
        return new ConsoleSession(user, session, tokens.accessTtl());
    }

    /** Ends a web console session (sign-out). */
    @Transactional
    public void endConsoleSession(long userId, UUID session) {
        refreshTokens.revokeFamily(userId, session);
        users.sessionsEnded(userId);
    }

    private UserStatus signIn(String email, String password, String clientAddress) {
        UserAccount account = attempt(EmailAddress.canonical(email), password, clientAddress).orElseThrow(() -> {
            log.info("Login refused: invalid credentials (client {})", clientAddress);
            return new InvalidCredentials();
        });
        if (!account.active()) {
            throw new AccountDeactivated();
        }
        users.recordLogin(account.id());
        return new UserStatus(account.id(), account.email(), account.name(), account.isAdmin(), true);
    }

    /**
     * Spends the refresh token for a new pair in the same family. A token spent before is a
     * sign that it was stolen (or the client replayed it): the whole family is revoked, and
     * that revocation commits although the request fails.
     */
    @Transactional(noRollbackFor = ReusedRefreshToken.class)
    public Tokens refresh(String refreshToken) {
        RefreshClaims claims = tokens.verifyRefresh(refreshToken);
        UserStatus user = users.status(claims.userId())
                .orElseThrow(() -> new InvalidToken("The token's user no longer exists."));
        if (!user.active()) {
            throw new AccountDeactivated();
        }
        if (!refreshTokens.spend(refreshToken)) {
            RefreshTokenStore.Spent why = refreshTokens.whySpent(refreshToken)
                    .orElseThrow(() -> new InvalidToken("The refresh token is not known."));
            switch (why) {
                case USED -> {
                    refreshTokens.revokeFamily(claims.userId(), claims.family());
                    users.sessionsEnded(claims.userId());
                    log.warn("Refresh token reuse for user {}: session revoked", claims.userId());
                    throw new ReusedRefreshToken();
                }
                case REVOKED -> throw new InvalidToken("The refresh token has been revoked.");
                default -> throw new ExpiredToken();
            }
        }
        return issue(user, claims.family());
    }

    /**
     * Ends the session of the presented access token: every access token issued in it is
     * refused from now on, and its refresh family (and that of {@code refreshToken}, when it
     * is the caller's) revoked.
     */
    @Transactional
    public void logout(AccessToken accessToken, String refreshToken) {
        refreshTokens.revokeFamily(accessToken.userId(), accessToken.session());
        users.sessionsEnded(accessToken.userId());
        if (refreshToken != null) {
            try {
                RefreshClaims claims = tokens.verifyRefresh(refreshToken);
                refreshTokens.revokeFamily(accessToken.userId(), claims.family());
            }
            catch (ApiException ex) {
                // an unusable refresh token needs no revoking, and logging out should not fail over it
            }
        }
    }

    /**
     * Changes the caller's password and ends every other session of theirs, in one
     * transaction. The current password is checked as a login is, so a wrong one counts
     * toward the same brute-force guard and cannot be guessed here instead.
     */
    @Transactional
    public void changePassword(AccessToken caller, String email, String currentPassword, String newPassword,
            String clientAddress) {
        changePassword(caller.userId(), caller.session(), email, currentPassword, newPassword, clientAddress);
    }

    /** The same from a web console session, which stays open while every other session ends. */
    @Transactional
    public void changeConsolePassword(long userId, UUID session, String email, String currentPassword,
            String newPassword, String clientAddress) {
        changePassword(userId, session, email, currentPassword, newPassword, clientAddress);
    }

    private void changePassword(long userId, UUID keptSession, String email, String currentPassword,
            String newPassword, String clientAddress) {
        attempt(email, currentPassword, clientAddress).filter(account -> account.id() == userId)
                .orElseThrow(() -> {
                    log.info("Password change refused: wrong current password (client {})", clientAddress);
                    return new WrongCurrentPassword();
                });
        users.setPassword(userId, newPassword);
        refreshTokens.revokeAllBut(userId, keptSession);
        users.sessionsEnded(userId);
    }

    /**
     * The account these credentials open, through the brute-force guard: the attempt is
     * counted before the password is checked, and taken back only when it was right.
     */
    private Optional<UserAccount> attempt(String email, String password, String clientAddress) {
        try {
            guard.begin(email, clientAddress);
        }
        catch (TooManyAttempts ex) {
            lockouts.increment();
            throw ex;
        }
        Optional<UserAccount> account = users.authenticate(email, password);
        if (account.isEmpty()) {
            loginFailures.increment();
        }
        else {
            guard.succeeded(email, clientAddress);
        }
        return account;
    }

    private Tokens issue(UserStatus user, UUID family) {
        IssuedToken access = tokens.issueAccess(user, family);
        IssuedToken refresh = tokens.issueRefresh(user.id(), family);
        refreshTokens.save(refresh, user.id(), family);
        return new Tokens(access.value(), refresh.value(), tokens.accessTtl());
    }
}
