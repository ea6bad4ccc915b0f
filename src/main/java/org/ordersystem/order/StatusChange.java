package org.ordersystem.order;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One row of an order's history: who moved it from which status to which, when and why. */
@Entity
@Table(name = "historico_pedidos")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "historico_pedidos_seq")
    @SequenceGenerator(name = "historico_pedidos_seq", sequenceName = "historico_pedidos_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pedido_id")
    private Order order;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_anterior")
    private OrderStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_novo", nullable = false)
    private OrderStatus to;

    @Column(name = "alterado_por", nullable = false)
    private long changedBy;

    @Column(name = "data_alteracao", nullable = false)
    private Instant changedAt;

    @Column(name = "motivo")
    private String reason;

    protected StatusChange() {
    }

    StatusChange(Order order, OrderStatus from, OrderStatus to, long changedBy, Instant changedAt, String reason) {
        this.order = order;
        this.from = from;
        this.to = to;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.reason = reason;
    }

    public OrderStatus getFrom() {
        return from;
    }

    public OrderStatus getTo() {
        return to;
    }

    public long getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getReason() {
        return reason;
    }
}
