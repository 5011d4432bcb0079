package dev.webecr.sdk.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Counts what goes to the database and back through a data source: each statement executed and each
 * commit or rollback of a transaction (pgjdbc sends BEGIN with a transaction's first statement, so
 * these are the round trips). For tests and the benchmarks (this module's test jar).
 */
public final class RoundTrips {
  private static final Set<String> SENT =
      Set.of(
          "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "commit", "rollback");

  private final AtomicLong count = new AtomicLong();

  /** Round trips so far. */
  public long count() {
    return count.get();
  }

  /** {@code target}, counted. */
  public DataSource around(DataSource target) {
    return proxy(DataSource.class, target);
  }

  private <T> T proxy(Class<T> type, T target) {
    InvocationHandler handler =
        (p, method, args) -> {
          if (SENT.contains(method.getName())
              && !(method.getName().equals("commit") && autoCommit(target))) {
            count.incrementAndGet();
          }
          Object out;
          try {
            out = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (out instanceof PreparedStatement) {
            return proxy(PreparedStatement.class, (PreparedStatement) out);
          }
          if (out instanceof Statement) {
            return proxy(Statement.class, (Statement) out);
          }
          if (out instanceof Connection) {
            return proxy(Connection.class, (Connection) out);
          }
          return out;
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static boolean autoCommit(Object target) throws java.sql.SQLException {
    return target instanceof Connection && ((Connection) target).getAutoCommit();
  }
}
