package org.ordersystem.user;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ordersystem.system.data.PrimaryReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/** Registration, credentials and a user's own profile. */
@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final UserStatusCache statuses;
    private final EndedSessions endedSessions;
    private final Clock clock;
    /**
     * Checked when the email is unknown, so that such a login takes as long as a wrong password.
     * Made at the first such login, not at start-up (a bcrypt hash there was ~0.15 s on the
     * start's critical path); that first one pays one extra hash.
     */
    private final SingletonSupplier<String> dummyHash;
    /** Reads that decide access: never on a read replica (see {@link #status}). */
    private final PrimaryReads onPrimary;

    UserService(UserRepository users, PasswordEncoder passwords, UserStatusCache statuses,
            EndedSessions endedSessions, Clock clock, PrimaryReads onPrimary) {
        this.users = users;
        this.onPrimary = onPrimary;
        this.passwords = passwords;
        this.statuses = statuses;
        this.endedSessions = endedSessions;
        this.clock = clock;
        this.dummyHash = SingletonSupplier.of(() -> passwords.encode(UUID.randomUUID().toString()));
    }

    @Transactional
    public UserAccount register(String email, String password, String name) {
        UserAccount account = insert(EmailAddress.normalize(email), password, name, false);
        log.info("User {} registered", account.id());
        return account;
    }

    /**
     * The account whose password this is, active or not; empty for an unknown email and a
     * wrong password alike, after the same bcrypt work in both cases. Read on the primary (a
     * short read-write transaction, over before the bcrypt work): a changed password or a
     * deactivation counts at once, whatever a read replica has replayed.
     */
    public Optional<UserAccount> authenticate(String email, String password) {
        Optional<User> user = onPrimary.read(() -> users.findByEmail(EmailAddress.canonical(email)));
        boolean checkable = PasswordPolicy.withinBcryptLimit(password);
        String hash = user.map(User::passwordHash).orElseGet(dummyHash);
        boolean matches = passwords.matches(checkable ? password : "", hash) && checkable;
        return user.filter(found -> matches).map(User::toAccount);
    }

    /** The account of this address, active or not; read on the primary, as a login is. */
    public Optional<UserAccount> accountByEmail(String email) {
        return onPrimary.read(() -> users.findByEmail(EmailAddress.canonical(email))).map(User::toAccount);
    }

    /** Refuses a password the policy does not allow ({@code WEAK_PASSWORD}), as registering would; saves nothing. */
    public void checkPassword(String password) {
        PasswordPolicy.check(password);
    }

    public void recordLogin(long id) {
        users.recordLogin(id, now());
    }

    /** The caller's current status, from the cache; empty when the user no longer exists. */
    public Optional<UserStatus> status(long id) {
        // the ended sessions first: a deactivation committed between the two reads then shows as
        // a deactivated account, never as an active one whose session has ended; both on the
        // primary (a read-write transaction), never on a replica that has not replayed a deactivation
        return statuses.get(id, key -> onPrimary.read(() -> {
            Set<UUID> ended = endedSessions.of(key);
            return users.findById(key).map(user -> user.toStatus(ended));
        }));
    }

    /** Some of the user's sessions ended: their cached status, which lists them, is dropped after the commit. */
    public void sessionsEnded(long id) {
        statuses.evict(id);
    }

    @Transactional(readOnly = true)
    public UserAccount account(long id) {
        return find(id).toAccount();
    }

    /** Changes what is given (null leaves a field as it is). */
    @Transactional
    public UserAccount updateProfile(long id, String name, String email) {
        User user = find(id);
        if (name != null) {
            user.rename(name);
        }
        if (email != null) {
            user.changeEmail(EmailAddress.normalize(email));
        }
        flushUnique();
        statuses.evict(id);
        return user.toAccount();
    }

    /**
     * Sets a new password (after the policy check). Checking the current one and ending the
     * user's other sessions are the auth module's part: it keeps the login guard and sessions.
     */
    @Transactional
    public void setPassword(long id, String newPassword) {
        PasswordPolicy.check(newPassword);
        find(id).changePasswordHash(passwords.encode(newPassword));
        log.info("User {} changed their password", id);
    }

    UserAccount insert(String normalizedEmail, String password, String name, boolean admin) {
        PasswordPolicy.check(password);
        User user = new User(normalizedEmail, name.strip(), passwords.encode(password), admin, now());
        users.save(user);
        flushUnique();
        return user.toAccount();
    }

    User find(long id) {
        return users.findById(id).orElseThrow(() -> new UserNotFound(id));
    }

    /** The unique index decides, not a look-up before the write: two racing requests cannot both pass it. */
    private void flushUnique() {
        try {
            users.flush();
        }
        catch (DataIntegrityViolationException ex) {
            if (String.valueOf(ex.getMostSpecificCause().getMessage()).contains("uk_usuarios_email")) {
                throw new EmailAlreadyRegistered();
            }
            throw ex;
        }
    }

    /** Microseconds, as PostgreSQL keeps them, so a value reads back exactly as it was answered. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
