package org.ordersystem.user;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByEmail(String email);

    boolean existsByEmail(String email);

    boolean existsByAdminTrue();

    @Query("select u from User u where lower(u.email) like :pattern escape '\\' or lower(u.name) like :pattern escape '\\'")
    Page<User> search(String pattern, Pageable pageable);

    /** A plain update: the last login must never lose an optimistic-lock race against an admin's change. */
    @Transactional
    @Modifying
    @Query("update User u set u.lastLoginAt = :at where u.id = :id")
    void recordLogin(long id, Instant at);

    @Query("""
            select new org.ordersystem.user.UserStatistics(count(u),
                count(u) filter (where u.active = true), count(u) filter (where u.active = false),
                count(u) filter (where u.admin = true), count(u) filter (where u.admin = false),
                count(u) filter (where u.createdAt >= :today), count(u) filter (where u.createdAt >= :weekStart),
                max(u.createdAt))
            from User u""")
    UserStatistics statistics(Instant today, Instant weekStart);

    /** Held until the transaction ends; serialises first-admin creation across replicas. */
    @Query(value = "select count(*) from (select pg_advisory_xact_lock(:key)) as l", nativeQuery = true)
    long lockTransaction(long key);
}
