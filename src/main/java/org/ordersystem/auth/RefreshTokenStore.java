package org.ordersystem.auth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.codec.digest.DigestUtils;
import org.ordersystem.user.EndedSessions;
import org.ordersystem.user.UserDeactivated;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens in {@code tokens_atualizacao}, by their SHA-256 only: a copy of the table
 * gives no usable token. A family is one login's chain of rotations, and its id is the
 * session ({@code sid}) of every access token issued with it: revoking the family ends the
 * session for access tokens too, once the user's cached status has been dropped.
 */
@Repository
class RefreshTokenStore implements EndedSessions {

    /** What became of a stored token that can no longer be spent. */
    enum Spent { USED, REVOKED, EXPIRED }

    /** Clocks of the replicas and of PostgreSQL may differ a little; an ended session is listed this much longer. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final long endedSessionWindowSeconds;

    RefreshTokenStore(JdbcClient jdbc, TokenProperties properties) {
        this.jdbc = jdbc;
        this.endedSessionWindowSeconds = properties.accessTokenTtl().plus(CLOCK_SKEW).toSeconds();
    }

    void save(IssuedToken token, long userId, UUID family) {
        jdbc.sql("""
                insert into tokens_atualizacao (id, usuario, familia, hash_token, expira_em)
                values (:id, :user, :family, :hash, :expires)""")
                .param("id", token.id()).param("user", userId).param("family", family)
                .param("hash", DigestUtils.sha256Hex(token.value()))
                .param("expires", OffsetDateTime.ofInstant(token.expiresAt(), ZoneOffset.UTC))
                .update();
    }

    /** Marks the token used, atomically: of two requests racing with the same token, one wins. */
    boolean spend(String token) {
        return jdbc.sql("""
                update tokens_atualizacao set usado_em = now()
                where hash_token = :hash and usado_em is null and revogado_em is null and expira_em > now()""")
                .param("hash", DigestUtils.sha256Hex(token)).update() == 1;
    }

    /** Why a token could not be spent; empty when it was never stored. */
    Optional<Spent> whySpent(String token) {
        return jdbc.sql("""
                select case when usado_em is not null then 'USED' when revogado_em is not null then 'REVOKED'
                            else 'EXPIRED' end
                from tokens_atualizacao where hash_token = :hash""")
                .param("hash", DigestUtils.sha256Hex(token)).query(String.class).optional().map(Spent::valueOf);
    }

    void revokeFamily(long userId, UUID family) {
        jdbc.sql("update tokens_atualizacao set revogado_em = now() "
                + "where usuario = :user and familia = :family and revogado_em is null")
                .param("user", userId).param("family", family).update();
    }

    void revokeAll(long userId) {
        jdbc.sql("update tokens_atualizacao set revogado_em = now() where usuario = :user and revogado_em is null")
                .param("user", userId).update();
    }

    void revokeAllBut(long userId, UUID keptFamily) {
        jdbc.sql("update tokens_atualizacao set revogado_em = now() "
                + "where usuario = :user and familia <> :kept and revogado_em is null")
                .param("user", userId).param("kept", keptFamily).update();
    }

    /**
     * Sessions revoked within an access token's lifetime: every token issued before the
     * revocation has expired after that, and a web console session (one row, written at
     * sign-in) may stay idle no longer, so its next request falls within it however long ago
     * it was opened.
     */
    @Override
    public Set<UUID> of(long userId) {
        return Set.copyOf(jdbc.sql("""
                select distinct familia from tokens_atualizacao
                where usuario = :user and revogado_em is not null
                  and revogado_em > now() - :seconds * interval '1 second'""")
                .param("user", userId).param("seconds", endedSessionWindowSeconds).query(UUID.class).list());
    }

    /** Expired tokens are refused by their signature alone; their rows only take up room. */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void purgeExpired() {
        jdbc.sql("delete from tokens_atualizacao where expira_em < now()").update();
    }

    /** Runs in the deactivation's own transaction: the deactivation and the ended sessions commit together. */
    @EventListener
    void on(UserDeactivated event) {
        revokeAll(event.userId());
    }
}
