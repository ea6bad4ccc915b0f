package org.ordersystem.user;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What administrators do to users, and the creation of the first administrator. */
@Service
public class UserAdministration {

    private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);
    /** Arbitrary, but fixed: every replica must take the same advisory lock. */
    private static final long FIRST_ADMIN_LOCK = 0x6f72_6465_7273_0001L;

    private final UserRepository users;
    private final UserService service;
    private final UserStatusCache statuses;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdministration(UserRepository users, UserService service, UserStatusCache statuses,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.service = service;
        this.statuses = statuses;
        this.events = events;
        this.clock = clock;
    }

    /** Users whose email or name contains {@code query} (any case), by id. */
    @Transactional(readOnly = true)
    public Page<UserAccount> search(String query, int page, int size) {
        PageRequest request = PageRequest.of(page, size, Sort.by("id"));
        Page<User> found = query == null || query.isBlank() ? users.findAll(request)
                : users.search("%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%", request);
        return found.map(User::toAccount);
    }

    @Transactional
    public UserAccount promote(long id) {
        User user = service.find(id);
        user.promote();
        return changed(user, "promoted to administrator");
    }

    @Transactional
    public UserAccount deactivate(long callerId, long id) {
        if (callerId == id) {
            throw new SelfDeactivation();
        }
        User user = service.find(id);
        user.deactivate();
        events.publishEvent(new UserDeactivated(id));
        return changed(user, "deactivated");
    }

    @Transactional
    public UserAccount activate(long id) {
        User user = service.find(id);
        user.activate();
        return changed(user, "activated");
    }

    @Transactional(readOnly = true)
    public UserStatistics statistics() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return users.statistics(today.atStartOfDay(ZoneOffset.UTC).toInstant(),
                monday.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * Creates the administrator unless one exists. The check and the insert run under a
     * transaction-scoped advisory lock, so replicas starting together create exactly one.
     * An email already taken by a regular user is left alone: promoting it would hand the
     * administrator's rights to whoever registered that address first.
     */
    @Transactional
    public boolean createFirstAdmin(String email, String password, String name) {
        String normalized = EmailAddress.normalize(email);
        PasswordPolicy.check(password);
        users.lockTransaction(FIRST_ADMIN_LOCK);
        if (users.existsByAdminTrue()) {
            return false;
        }
        if (users.existsByEmail(normalized)) {
            log.warn("No administrator exists, but the configured ADMIN_EMAIL belongs to a regular user; "
                    + "promote that user explicitly if that is intended");
            return false;
        }
        UserAccount admin = service.insert(normalized, password, name, true);
        log.info("Created the first administrator, user {}", admin.id());
        return true;
    }

    private UserAccount changed(User user, String what) {
        statuses.evict(user.id());
        log.info("User {} {}", user.id(), what);
        return user.toAccount();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
