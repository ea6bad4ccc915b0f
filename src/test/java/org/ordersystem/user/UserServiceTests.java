package org.ordersystem.user;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ordersystem.system.data.PrimaryReads;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Credentials, without a database: the repository is a mock, bcrypt is real. */
class UserServiceTests {

    private final UserRepository repository = mock(UserRepository.class);
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(PasswordConfiguration.BCRYPT_STRENGTH);
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final UserService users = new UserService(repository, counting(bcrypt), UserStatusCacheTests.inProcess(), userId -> Set.of(), new MovingClock(Instant.EPOCH), PrimaryReads.direct());

    @Test
    void anUnknownEmailCostsTheSameBcryptCheckAsAWrongPassword() {
        User alice = new User("alice@orders.test", "Alice", bcrypt.encode("Str0ng-Passw0rd!"), false, Instant.EPOCH);
        ReflectionTestUtils.setField(alice, "id", 1L);
        when(repository.findByEmail(anyString())).thenReturn(Optional.empty());
        when(repository.findByEmail("alice@orders.test")).thenReturn(Optional.of(alice));

        assertThat(users.authenticate("nobody@orders.test", "Str0ng-Passw0rd!")).isEmpty();
        assertThat(bcryptChecks).hasValue(1);
        assertThat(users.authenticate("alice@orders.test", "Wr0ng-Passw0rd!")).isEmpty();
        assertThat(bcryptChecks).hasValue(2);
        assertThat(users.authenticate(" Alice@Orders.TEST ", "Str0ng-Passw0rd!")).isPresent();
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void anOverlongPasswordIsWrongWithoutBreakingBcrypt() {
        when(repository.findByEmail(anyString())).thenReturn(Optional.empty());

        assertThat(users.authenticate("nobody@orders.test", "x".repeat(100))).isEmpty();
        assertThat(users.authenticate("nobody@orders.test", null)).isEmpty();
        assertThat(bcryptChecks).hasValue(2);
    }

    private PasswordEncoder counting(PasswordEncoder delegate) {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return delegate.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                bcryptChecks.incrementAndGet();
                return delegate.matches(raw, encoded);
            }
        };
    }
}
