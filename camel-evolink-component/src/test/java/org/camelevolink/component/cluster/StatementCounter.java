package org.camelevolink.component.cluster;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the SQL statements a node runs on its connections (each {@code execute…} call once), for the scale run's
 * statements per task: PostgreSQL itself counts transactions, and its per-statement view needs a preloaded library.
 */
final class StatementCounter {

    private final LongAdder executed = new LongAdder();

    long executed() {
        return executed.sum();
    }

    Connection counting(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Statement statement && Statement.class.isAssignableFrom(method.getReturnType())
                    ? counting(method.getReturnType().asSubclass(Statement.class), statement) : result;
        });
    }

    /** {@code type} is what the connection's method declares (Statement, PreparedStatement, CallableStatement). */
    private <S extends Statement> S counting(Class<S> type, Statement statement) {
        return proxy(type, type.cast(statement), (target, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executed.increment();
            }
            return invoke(target, method, args);
        });
    }

    private interface Call {
        Object on(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (p, method, args) -> call.on(target, method, args);
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
