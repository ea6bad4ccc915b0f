package org.ordersystem.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.CommonErrorCode;
import org.ordersystem.system.problem.ErrorCode;
import org.ordersystem.user.UserStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TokenServiceTests {

    private static final String SECRET = "unit-test-secret-key-that-is-long-enough-for-hs512-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-24T10:30:00Z");
    private static final UserStatus ALICE = new UserStatus(42, "alice@orders.test", "Alice", false, true);

    private final TokenService tokens = service("HS256", Clock.fixed(NOW, ZoneOffset.UTC));
    private final HostileTokens attacker = new HostileTokens(SECRET);

    @Test
    void accessTokenCarriesTheContractsClaims() {
        UUID session = UUID.randomUUID();
        IssuedToken issued = tokens.issueAccess(ALICE, session);

        assertThat(HostileTokens.payload(issued.value())).contains("\"sub\":\"42\"", "\"email\":\"alice@orders.test\"",
                "\"name\":\"Alice\"", "\"is_admin\":false", "\"typ\":\"access\"", "\"jti\":\"" + issued.id() + "\"",
                "\"iat\":" + NOW.getEpochSecond(), "\"exp\":" + NOW.plus(Duration.ofMinutes(30)).getEpochSecond());
        AccessToken verified = tokens.verifyAccess(issued.value());
        assertThat(verified).isEqualTo(new AccessToken(42, issued.id().toString(), session,
                NOW.plus(Duration.ofMinutes(30))));
    }

    @Test
    void refreshTokenVerifiesAsRefreshToken() {
        UUID family = UUID.randomUUID();
        IssuedToken issued = tokens.issueRefresh(42, family);

        assertThat(tokens.verifyRefresh(issued.value()))
                .isEqualTo(new RefreshClaims(42, issued.id(), family, NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void refusesAlgNone() {
        assertThat(code(() -> tokens.verifyAccess(HostileTokens.unsigned(valid())))).isEqualTo(AuthErrorCode.TOKEN_INVALID);
    }

    @Test
    void refusesAnotherAlgorithmSignedWithTheRightKey() {
        String hs512 = attacker.sign(HostileTokens.header("HS512"), valid(), "HmacSHA512");
        String hs384 = attacker.sign(HostileTokens.header("HS384"), valid(), "HmacSHA384");

        assertThat(code(() -> tokens.verifyAccess(hs512))).isEqualTo(AuthErrorCode.TOKEN_INVALID);
        assertThat(code(() -> tokens.verifyAccess(hs384))).isEqualTo(AuthErrorCode.TOKEN_INVALID);
        assertThat(tokens.verifyAccess(attacker.hs256(valid())).userId()).isEqualTo(42);
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        String forged = new HostileTokens(SECRET + "-but-not-quite").hs256(valid());

        assertThat(code(() -> tokens.verifyAccess(forged))).isEqualTo(AuthErrorCode.TOKEN_INVALID);
    }

    @Test
    void refusesATamperedPayload() {
        String genuine = tokens.issueAccess(ALICE, UUID.randomUUID()).value();
        Map<String, Object> promoted = valid();
        promoted.put("is_admin", true);

        assertThat(code(() -> tokens.verifyAccess(HostileTokens.withPayload(genuine, promoted))))
                .isEqualTo(AuthErrorCode.TOKEN_INVALID);
    }

    @Test
    void refusesATokenWithoutExpiry() {
        Map<String, Object> claims = valid();
        claims.remove("exp");

        assertThat(code(() -> tokens.verifyAccess(attacker.hs256(claims)))).isEqualTo(CommonErrorCode.UNAUTHENTICATED);
    }

    @Test
    void refusesAnExpiredToken() {
        String expired = attacker.hs256(HostileTokens.accessClaims(42, NOW.minusSeconds(1)));
        String issuedEarlier = service("HS256", Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .issueAccess(ALICE, UUID.randomUUID()).value();

        assertThat(code(() -> tokens.verifyAccess(expired))).isEqualTo(AuthErrorCode.TOKEN_EXPIRED);
        assertThat(code(() -> tokens.verifyAccess(issuedEarlier))).isEqualTo(AuthErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void aTokenVerifiedBeforeStillExpiresOnTime() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        TokenService service = service("HS256", moving);
        String token = service.issueAccess(ALICE, UUID.randomUUID()).value();

        assertThat(service.verifyAccess(token).userId()).isEqualTo(42);
        now[0] = NOW.plus(Duration.ofMinutes(30));
        assertThat(service.verifyAccess(token).userId()).isEqualTo(42);
        now[0] = NOW.plus(Duration.ofMinutes(30)).plusSeconds(1);
        assertThat(code(() -> service.verifyAccess(token))).isEqualTo(AuthErrorCode.TOKEN_EXPIRED);
        assertThat(code(() -> service.verifyAccess(token))).isEqualTo(AuthErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void aTamperedCopyOfAVerifiedTokenIsStillRefused() {
        String token = tokens.issueAccess(ALICE, UUID.randomUUID()).value();
        tokens.verifyAccess(token);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThat(code(() -> tokens.verifyAccess(tampered))).isEqualTo(AuthErrorCode.TOKEN_INVALID);
        assertThat(code(() -> tokens.verifyRefresh(token))).isEqualTo(AuthErrorCode.TOKEN_INVALID);
    }

    @Test
    void refusesKeyHintsInTheHeader() {
        Map<String, Object> traversal = HostileTokens.header("HS256");
        traversal.put("kid", "../../../../../../dev/null");
        Map<String, Object> keyUrl = HostileTokens.header("HS256");
        keyUrl.put("jku", "http://attacker.invalid/keys.json");

        assertThat(code(() -> tokens.verifyAccess(attacker.sign(traversal, valid(), "HmacSHA256"))))
                .isEqualTo(AuthErrorCode.TOKEN_INVALID);
        assertThat(code(() -> tokens.verifyAccess(new HostileTokens("").sign(traversal, valid(), "HmacSHA256"))))
                .isEqualTo(AuthErrorCode.TOKEN_INVALID);
        assertThat(code(() -> tokens.verifyAccess(attacker.sign(keyUrl, valid(), "HmacSHA256"))))
                .isEqualTo(AuthErrorCode.TOKEN_INVALID);
    }

    @Test
    void keepsAccessAndRefreshTokensApart() {
        String refresh = tokens.issueRefresh(42, UUID.randomUUID()).value();
        String access = tokens.issueAccess(ALICE, UUID.randomUUID()).value();

        assertThat(code(() -> tokens.verifyAccess(refresh))).isEqualTo(AuthErrorCode.TOKEN_INVALID);
        assertThat(code(() -> tokens.verifyRefresh(access))).isEqualTo(AuthErrorCode.TOKEN_INVALID);
    }

    @Test
    void refusesTokensMissingOrMisusingClaims() {
        Map<String, Object> untyped = valid();
        untyped.remove("typ");
        Map<String, Object> oddSubject = valid();
        oddSubject.put("sub", "../admin");
        Map<String, Object> oddType = valid();
        oddType.put("typ", 7);
        Map<String, Object> oddExpiry = valid();
        oddExpiry.put("exp", "tomorrow");

        assertThat(code(() -> tokens.verifyAccess(attacker.hs256(untyped)))).isEqualTo(CommonErrorCode.UNAUTHENTICATED);
        assertThat(code(() -> tokens.verifyAccess(attacker.hs256(oddSubject)))).isEqualTo(AuthErrorCode.TOKEN_INVALID);
        assertThat(code(() -> tokens.verifyAccess(attacker.hs256(oddType)))).isEqualTo(AuthErrorCode.TOKEN_INVALID);
        assertThat(code(() -> tokens.verifyAccess(attacker.hs256(oddExpiry)))).isEqualTo(AuthErrorCode.TOKEN_INVALID);
    }

    @Test
    void refusesGarbage() {
        for (String garbage : new String[] { "", "abc", "a.b.c", "..", "e30.e30.", "\u0000.\u0000.\u0000",
                "x".repeat(10_000) }) {
            assertThat(code(() -> tokens.verifyAccess(garbage))).as(garbage).isEqualTo(AuthErrorCode.TOKEN_INVALID);
        }
    }

    @Test
    void signsWithTheConfiguredAlgorithmOnly() {
        TokenService hs512 = service("HS512", Clock.fixed(NOW, ZoneOffset.UTC));
        String token = hs512.issueAccess(ALICE, UUID.randomUUID()).value();

        assertThat(hs512.verifyAccess(token).userId()).isEqualTo(42);
        assertThat(code(() -> hs512.verifyAccess(attacker.hs256(valid())))).isEqualTo(AuthErrorCode.TOKEN_INVALID);
        assertThat(code(() -> tokens.verifyAccess(token))).isEqualTo(AuthErrorCode.TOKEN_INVALID);
    }

    private static Map<String, Object> valid() {
        return HostileTokens.accessClaims(42, NOW.plus(Duration.ofMinutes(10)));
    }

    private static TokenService service(String algorithm, Clock clock) {
        return new TokenService(new TokenProperties(SECRET, algorithm, Duration.ofMinutes(30), Duration.ofDays(7)),
                clock);
    }

    private static ErrorCode code(ThrowingCallable call) {
        ApiException refused = catchThrowableOfType(ApiException.class, call);
        assertThat(refused).as("refused with an ApiException").isNotNull();
        return refused.code();
    }
}
