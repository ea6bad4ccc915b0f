package org.ordersystem.user;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A registered user; the password is kept only as a bcrypt hash. */
@Entity
@Table(name = "usuarios")
class User {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "usuarios_seq")
    @SequenceGenerator(name = "usuarios_seq", sequenceName = "usuarios_seq", allocationSize = 50)
    private Long id;

    @Column(name = "email", nullable = false)
    private String email;

    @Column(name = "nome", nullable = false)
    private String name;

    @Column(name = "senha_hash", nullable = false)
    private String passwordHash;

    @Column(name = "is_admin", nullable = false)
    private boolean admin;

    @Column(name = "ativo", nullable = false)
    private boolean active = true;

    @Column(name = "data_criacao", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "ultimo_login")
    private Instant lastLoginAt;

    @Version
    @Column(name = "versao", nullable = false)
    private long version;

    protected User() {
    }

    User(String email, String name, String passwordHash, boolean admin, Instant createdAt) {
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.createdAt = createdAt;
    }

    long id() {
        return id;
    }

    String passwordHash() {
        return passwordHash;
    }

    void rename(String name) {
        this.name = name;
    }

    void changeEmail(String email) {
        this.email = email;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void promote() {
        this.admin = true;
    }

    void deactivate() {
        this.active = false;
    }

    void activate() {
        this.active = true;
    }

    UserAccount toAccount() {
        return new UserAccount(id, email, name, admin, active, createdAt, lastLoginAt);
    }

    UserStatus toStatus(Set<UUID> endedSessions) {
        return new UserStatus(id, email, name, admin, active, endedSessions);
    }
}
