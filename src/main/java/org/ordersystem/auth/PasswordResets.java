package org.ordersystem.auth;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.CommonErrorCode;
import org.ordersystem.user.EmailAddress;
import org.ordersystem.user.UserAccount;
import org.ordersystem.user.UserService;
import org.ordersystem.user.UserStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Forgotten passwords: a single-use link by e-mail, valid for 30 minutes, that sets a new
 * password and ends every session of the user. Only with SMTP configured; otherwise the API
 * answers 404 and the console offers no link.
 */
@Service
public class PasswordResets {

    static final Duration VALIDITY = Duration.ofMinutes(30);
    /** One e-mail per address in this time at most: asking again does not flood a mailbox. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(1);
    /** The console page the link opens. */
    public static final String PAGE = "/ui/password-reset/confirm";
    private static final int MAX_TOKEN_LENGTH = 100;
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final UserService users;
    private final TokenService tokens;
    private final RefreshTokenStore refreshTokens;
    private final LoginGuard guard;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final PasswordResetProperties properties;
    private final Clock clock;

    PasswordResets(UserService users, TokenService tokens, RefreshTokenStore refreshTokens, LoginGuard guard,
            JdbcClient jdbc, ApplicationEventPublisher events, PasswordResetProperties properties, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.guard = guard;
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether links can be sent (SMTP is configured). */
    public boolean available() {
        return properties.available();
    }

    /**
     * Sends a link to the address if it belongs to an active account, and nothing otherwise;
     * the caller learns neither, so the answer must not depend on it.
     */
    @Transactional
    public void request(String email) {
        requireAvailable();
        Optional<UserAccount> account = users.accountByEmail(EmailAddress.normalize(email)).filter(UserAccount::active);
        if (account.isEmpty()) {
            log.info("Password reset asked for an address without an active account");
            return;
        }
        long userId = account.get().id();
        Instant now = clock.instant();
        boolean recent = jdbc.sql("select exists(select 1 from redefinicoes_senha where usuario = :user "
                + "and data_criacao > :since)").param("user", userId)
                .param("since", Timestamp.from(now.minus(RESEND_AFTER))).query(Boolean.class).single();
        if (recent) {
            log.info("Password reset for user {} not sent again: one was sent less than a minute ago", userId);
            return;
        }
        UUID id = UUID.randomUUID();
        Instant expiresAt = now.plus(VALIDITY);
        jdbc.sql("insert into redefinicoes_senha (id, usuario, hash_token, data_criacao, expira_em) "
                + "values (:id, :user, :hash, :now, :expires)").param("id", id).param("user", userId)
                .param("hash", DigestUtils.sha256Hex(tokens.resetToken(id))).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt)).update();
        events.publishEvent(new PasswordResetRequested(id, userId, expiresAt));
        log.info("Password reset {} for user {}: link to be e-mailed", id, userId);
    }

    /**
     * Sets the new password with the token of a link, once: the token is spent, every other
     * link of the user too, every session of the user ends, and the account's failed logins are
     * forgiven. A password that breaks the policy changes nothing and leaves the link usable.
     */
    @Transactional
    public void confirm(String token, String newPassword) {
        requireAvailable();
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw new ResetTokenInvalid();
        }
        long userId = jdbc.sql("update redefinicoes_senha set usado_em = :now where hash_token = :hash "
                + "and usado_em is null and expira_em > :now returning usuario")
                .param("hash", DigestUtils.sha256Hex(token)).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional().orElseThrow(ResetTokenInvalid::new);
        UserStatus user = users.status(userId).filter(UserStatus::active).orElseThrow(ResetTokenInvalid::new);
        users.setPassword(userId, newPassword);
        jdbc.sql("update redefinicoes_senha set usado_em = :now where usuario = :user and usado_em is null")
                .param("user", userId).param("now", Timestamp.from(clock.instant())).update();
        refreshTokens.revokeAll(userId);
        users.sessionsEnded(userId);
        // who forgot a password has often been locked out trying it; the new one works at once
        guard.forgive(user.email());
        log.info("User {} set a new password with a reset link: every session ended", userId);
    }

    /** The link e-mailed for a reset: the console's page with the reset's token. */
    public URI link(UUID reset) {
        return UriComponentsBuilder.fromUri(properties.publicUrl()).path(PAGE).queryParam("token",
                tokens.resetToken(reset)).build().toUri();
    }

    /** Links that expired or were used a day ago only take up room. */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void purgeExpired() {
        jdbc.sql("delete from redefinicoes_senha where expira_em < :before")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    /** Refuses with 404, as an unknown path is, when no links can be sent (no SMTP). */
    public void requireAvailable() {
        if (!available()) {
            throw new ApiException(CommonErrorCode.NOT_FOUND, "No resource at this path.");
        }
    }
}
