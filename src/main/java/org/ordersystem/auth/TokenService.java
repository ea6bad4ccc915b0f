package org.ordersystem.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.MacAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.user.UserStatus;

import org.springframework.stereotype.Component;

/**
 * Signs and verifies access and refresh tokens (HMAC JWTs). Verification trusts nothing in
 * the token's header: only the configured algorithm is accepted, with the one configured
 * key, and a header naming anything else (kid, jku, jwk, x5u, zip ...) is refused.
 */
@Component
class TokenService {

    static final String TYPE = "typ";
    static final String SESSION = "sid";
    static final String ACCESS = "access";
    static final String REFRESH = "refresh";
    private static final Set<String> ALLOWED_HEADERS = Set.of("alg", "typ");
    private static final int MAX_LENGTH = 4096;
    /** About 2 MiB at most: a few thousand active sessions per replica. */
    private static final int VERIFIED_TOKENS = 4096;
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);

    private final MacAlgorithm algorithm;
    private final SecretKey key;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final Clock clock;
    private final JwtParser parser;
    /**
     * Access tokens whose signature and claims were checked, by their exact text: a client
     * sends the same token with every request, and parsing and verifying it again (base64,
     * two JSON documents, an HMAC) was about a tenth of a cached GET's CPU. Only a string
     * that passed {@link #verify} is ever stored; the expiry is checked on every use, and
     * revocation and the user's status are checked by the caller on every request as before.
     */
    private final Cache<String, AccessToken> verifiedAccess = Caffeine.newBuilder().maximumSize(VERIFIED_TOKENS)
            .build();

    TokenService(TokenProperties properties, Clock clock) {
        this.algorithm = (MacAlgorithm) Jwts.SIG.get().forKey(properties.algorithm());
        this.key = new SecretKeySpec(secret(properties), "HmacSHA" + properties.algorithm().substring(2));
        this.accessTtl = properties.accessTokenTtl();
        this.refreshTtl = properties.refreshTokenTtl();
        this.clock = clock;
        this.parser = Jwts.parser().keyLocator(this::keyFor).clock(() -> Date.from(clock.instant())).build();
    }

    /**
     * The token of a password-reset link: an HMAC of the reset's id under the signing key (with
     * a label of its own, so it can never be taken for anything the key signs elsewhere).
     */
    String resetToken(UUID reset) {
        try {
            Mac mac = Mac.getInstance(key.getAlgorithm());
            mac.init(key);
            byte[] digest = mac.doFinal(("order-backend password reset " + reset).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC unavailable", ex);
        }
    }

    Duration accessTtl() {
        return accessTtl;
    }

    IssuedToken issueAccess(UserStatus user, UUID session) {
        return issue(user.id(), ACCESS, session, accessTtl, jwt -> jwt.claim("email", user.email())
                .claim("name", user.name()).claim("is_admin", user.admin()));
    }

    IssuedToken issueRefresh(long userId, UUID family) {
        return issue(userId, REFRESH, family, refreshTtl, UnaryOperator.identity());
    }

    AccessToken verifyAccess(String token) {
        AccessToken known = token == null ? null : verifiedAccess.getIfPresent(token);
        if (known != null) {
            // As jjwt decides: expired once the clock is past exp.
            if (clock.instant().isAfter(known.expiresAt())) {
                verifiedAccess.invalidate(token);
                throw new ExpiredToken();
            }
            return known;
        }
        AccessToken verified = verify(token, ACCESS, claims -> new AccessToken(Long.parseLong(claims.getSubject()),
                claims.getId(), UUID.fromString(claims.get(SESSION, String.class)), claims.getExpiration().toInstant()));
        verifiedAccess.put(token, verified);
        return verified;
    }

    RefreshClaims verifyRefresh(String token) {
        return verify(token, REFRESH, claims -> new RefreshClaims(Long.parseLong(claims.getSubject()),
                UUID.fromString(claims.getId()), UUID.fromString(claims.get(SESSION, String.class)),
                claims.getExpiration().toInstant()));
    }

    /** What a genuine, unexpired token of this type says, or a 401 naming what is wrong; never anything else. */
    private <T> T verify(String token, String type, Function<Claims, T> reading) {
        if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            throw new InvalidToken("The token is malformed.");
        }
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            // jjwt checks exp only when it is there: a token without one would never end.
            requirePresent(claims.getExpiration(), "exp");
            requirePresent(claims.getIssuedAt(), "iat");
            requirePresent(claims.getSubject(), "sub");
            requirePresent(claims.getId(), "jti");
            requirePresent(claims.get(SESSION), SESSION);
            requirePresent(claims.get(TYPE), TYPE);
            if (!type.equals(claims.get(TYPE))) {
                throw new InvalidToken("This is not " + (type.equals("access") ? "an access" : "a refresh") + " token.");
            }
            return reading.apply(claims);
        }
        catch (ApiException ex) {
            throw ex;
        }
        catch (ExpiredJwtException ex) {
            throw new ExpiredToken();
        }
        catch (RuntimeException ex) {
            throw new InvalidToken("The token is invalid.");
        }
    }

    private IssuedToken issue(long userId, String type, UUID session, Duration ttl, UnaryOperator<JwtBuilder> claims) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        UUID id = UUID.randomUUID();
        String value = claims.apply(Jwts.builder().subject(Long.toString(userId)).claim(TYPE, type)
                .claim(SESSION, session.toString()).id(id.toString()).issuedAt(Date.from(now))
                .expiration(Date.from(expires))).signWith(key, algorithm).compact();
        return new IssuedToken(value, id, expires);
    }

    private Key keyFor(Header header) {
        if (!algorithm.getId().equals(header.getAlgorithm())) {
            throw new UnsupportedJwtException("algorithm not accepted");
        }
        if (!ALLOWED_HEADERS.containsAll(header.keySet())) {
            throw new UnsupportedJwtException("header parameter not accepted");
        }
        return key;
    }

    private static void requirePresent(Object value, String claim) {
        if (value == null) {
            throw new IncompleteToken(claim);
        }
    }

    private static byte[] secret(TokenProperties properties) {
        if (properties.secretKey() != null) {
            return properties.secretKey().getBytes(StandardCharsets.UTF_8);
        }
        log.warn("SECRET_KEY is not set: tokens are signed with a random key made at start-up and end with the process");
        byte[] random = new byte[64];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
