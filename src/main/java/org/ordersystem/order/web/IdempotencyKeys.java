package org.ordersystem.order.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotency-Key bookkeeping in PostgreSQL, inside the transaction that places the order
 * ({@link IdempotentPlacement}): a transaction-scoped advisory lock on (user, key) tells a
 * running first request from a finished one, and the stored response is committed together
 * with the order, so exactly one order exists whatever races, and Redis plays no part.
 */
@Component
class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The first answer: its HTTP status and body as sent. */
    record StoredResponse(int status, String body) {
    }

    /**
     * Claims the key for this transaction; returns the first response when the key was
     * already used with the same request, and refuses a different request or a running one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<StoredResponse> claim(long userId, String key, String requestHash) {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(lockId(userId, key))
                .query(Boolean.class).single();
        if (!Boolean.TRUE.equals(locked)) {
            throw new IdempotencyInProgress();
        }
        Optional<Stored> stored = jdbc.sql("""
                select hash_requisicao, status_resposta, corpo_resposta, expira_em
                from chaves_idempotencia where usuario = ? and chave = ?""")
                .params(userId, key)
                .query((rs, row) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (stored.get().expiresAt().isBefore(clock.instant())) {
            jdbc.sql("delete from chaves_idempotencia where usuario = ? and chave = ?").params(userId, key).update();
            return Optional.empty();
        }
        if (!stored.get().hash().equals(requestHash)) {
            throw new IdempotencyKeyReused();
        }
        return Optional.of(new StoredResponse(stored.get().status(), stored.get().body()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void remember(long userId, String key, String requestHash, long orderId, int status, String body) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into chaves_idempotencia
                    (usuario, chave, hash_requisicao, pedido_id, status_resposta, corpo_resposta, data_criacao, expira_em)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(userId, key, requestHash, orderId, status, body, java.sql.Timestamp.from(now),
                        java.sql.Timestamp.from(now.plus(RETENTION)))
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    @Transactional
    public void purgeExpired() {
        int purged = jdbc.sql("delete from chaves_idempotencia where expira_em < ?")
                .param(java.sql.Timestamp.from(clock.instant())).update();
        if (purged > 0) {
            log.info("Purged {} expired idempotency keys", purged);
        }
    }

    static String hash(String canonicalRequest) {
        return DigestUtils.sha256Hex(canonicalRequest);
    }

    static long lockId(long userId, String key) {
        return Long.parseUnsignedLong(hash(userId + ":" + key).substring(0, 16), 16);
    }

    private record Stored(String hash, int status, String body, Instant expiresAt) {
    }
}
