package org.ordersystem.order;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A line of an order; it exists only inside its {@link Order} and changes only through it. */
@Entity
@Table(name = "itens")
public class OrderItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "itens_seq")
    @SequenceGenerator(name = "itens_seq", sequenceName = "itens_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pedido_id")
    private Order order;

    @Column(name = "nome", nullable = false)
    private String name;

    @Column(name = "sku")
    private String sku;

    @Column(name = "quantidade", nullable = false)
    private int quantity;

    @Column(name = "preco_unitario", nullable = false)
    private BigDecimal unitPrice;

    @Column(name = "subtotal", nullable = false)
    private BigDecimal lineTotal;

    protected OrderItem() {
    }

    OrderItem(Order order, ItemDetails details) {
        this.order = order;
        apply(details);
    }

    final void apply(ItemDetails details) {
        this.name = details.name();
        this.sku = details.sku();
        this.quantity = details.quantity();
        this.unitPrice = details.unitPrice().setScale(2, RoundingMode.UNNECESSARY);
        this.lineTotal = unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.UNNECESSARY);
    }

    ItemDetails details() {
        return new ItemDetails(name, sku, quantity, unitPrice);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSku() {
        return sku;
    }

    public int getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getLineTotal() {
        return lineTotal;
    }
}
