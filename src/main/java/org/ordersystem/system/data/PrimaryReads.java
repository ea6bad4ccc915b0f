package org.ordersystem.system.data;

import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads that must see every committed write, whatever a read replica has replayed: what
 * decides access (credentials, account state) and what fills a cache every caller reads. A
 * read-write transaction, so it runs on the primary, named so that the read-your-writes
 * bookkeeping knows it wrote nothing.
 */
public final class PrimaryReads {

    static final String NAME = "primary-read";

    private final TransactionOperations transactions;

    private PrimaryReads(TransactionOperations transactions) {
        this.transactions = transactions;
    }

    static PrimaryReads on(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setName(NAME);
        return new PrimaryReads(template);
    }

    /** Outside Spring (unit tests): the work runs as it is, without a transaction. */
    public static PrimaryReads direct() {
        return new PrimaryReads(TransactionOperations.withoutTransaction());
    }

    public <T> T read(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
