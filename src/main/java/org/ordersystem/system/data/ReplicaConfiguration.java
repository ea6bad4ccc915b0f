package org.ordersystem.system.data;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Read-only transactions on the streaming replica (DATABASE_REPLICA_URL), everything else on
 * the primary. The same beans exist with and without a replica (Spring AOT fixes them at build
 * time); without one the DataSource stays the primary's pool, unwrapped.
 */
@Configuration(proxyBeanMethods = false)
class ReplicaConfiguration {

    @Bean
    ReadReplica readReplica(DatabaseProperties database, ObjectProvider<StringRedisTemplate> redis,
            MeterRegistry meters, Clock clock) {
        return new ReadReplica(database.replica(), redis.getIfAvailable(), meters, clock);
    }

    /** Boot's pool ({@code dataSource}) becomes the routing proxy's primary. */
    @Bean
    static BeanPostProcessor readRouting(ObjectProvider<ReadReplica> replica) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource primary && name.equals("dataSource")
                        ? replica.getObject().route(primary) : bean;
            }
        };
    }

    /** Outside the transaction advisor (lowest precedence), so a retry begins a new transaction. */
    @Bean
    static Advisor replicaFailover(ObjectProvider<ReadReplica> replica) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new ReplicaFailover.ReadOnlyTransactions(),
                new ReplicaFailover(replica));
        advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return advisor;
    }

    @Bean
    PrimaryReads primaryReads(PlatformTransactionManager transactionManager) {
        return PrimaryReads.on(transactionManager);
    }

    /** After each committed read-write transaction: where it ended in the WAL, for its caller's reads. */
    @Bean
    TransactionExecutionListener writePositionRecorder(ReadReplica replica) {
        return new TransactionExecutionListener() {
            @Override
            public void afterCommit(TransactionExecution transaction, Throwable failure) {
                if (failure == null && replica.configured() && transaction.isNewTransaction()
                        && !transaction.isReadOnly() && !PrimaryReads.NAME.equals(transaction.getTransactionName())) {
                    replica.written();
                }
            }
        };
    }

    /**
     * The {@code replica} component of /health, present only with a replica (as {@code mail} only
     * with SMTP): registered at start, so the bean definitions stay the same without one. Never
     * part of readiness (the primary serves every read).
     */
    @Bean
    SmartInitializingSingleton replicaHealth(ReadReplica replica, HealthContributorRegistry registry) {
        return () -> {
            if (replica.configured()) {
                registry.registerContributor("replica", (HealthIndicator) () -> health(replica.state()));
            }
        };
    }

    private static Health health(ReadReplica.State state) {
        Health.Builder health = state.usable() ? Health.up() : Health.down();
        health.withDetail("state", state.reason()).withDetail("since", state.since().toString());
        if (!Double.isNaN(state.lagSeconds())) {
            health.withDetail("lag_seconds", state.lagSeconds());
        }
        return health.build();
    }
}
