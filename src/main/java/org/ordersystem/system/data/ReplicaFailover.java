package org.ordersystem.system.data;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;

/**
 * A read-only transaction that failed on the replica (stopped, restarted, its connection cut, a
 * query cancelled by a recovery conflict) runs once more, on the primary: the caller sees the
 * answer, not the replica's trouble. Wraps the transaction (it must begin anew); read-only
 * work is safe to repeat.
 */
final class ReplicaFailover implements MethodInterceptor {

    private final ObjectProvider<ReadReplica> provider;
    private volatile ReadReplica replica;

    ReplicaFailover(ObjectProvider<ReadReplica> provider) {
        this.provider = provider;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        ReadReplica replica = this.replica;
        if (replica == null) {
            replica = provider.getObject();
            this.replica = replica;
        }
        if (!replica.configured() || !ReplicaUse.begin()) {
            return invocation.proceed();
        }
        try {
            Object result;
            MethodInvocation again = invocation instanceof ProxyMethodInvocation proxied
                    ? proxied.invocableClone() : null;
            try {
                result = invocation.proceed();
            }
            catch (RuntimeException ex) {
                if (again == null || !ReplicaUse.used() || !replicaTrouble(ex)) {
                    throw ex;
                }
                replica.failed(ex);
                ReplicaUse.reset();
                result = again.proceed();
            }
            return result;
        }
        finally {
            ReplicaUse.end();
        }
    }

    /** Connection failures (SQLState class 08), shutdowns and cancellations (57P), recovery conflicts (40001). */
    static boolean replicaTrouble(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLRecoverableException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("40001")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The methods that run in a read-only transaction of their own or join one. */
    static final class ReadOnlyTransactions extends StaticMethodMatcherPointcut {

        private final TransactionAttributeSource attributes = new AnnotationTransactionAttributeSource(false);

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            TransactionAttribute attribute = attributes.getTransactionAttribute(method, targetClass);
            return attribute != null && attribute.isReadOnly();
        }
    }
}
