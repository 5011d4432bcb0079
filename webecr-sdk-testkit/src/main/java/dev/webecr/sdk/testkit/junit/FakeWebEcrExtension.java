package dev.webecr.sdk.testkit.junit;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import java.time.Instant;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: starts a {@link FakeWebEcrServer} for the test class and hands tests the server, its
 * {@link TestClock}, a {@link TestSigner} and a ready {@link PosClient} (Mellon provider, fresh
 * in-memory journal per test, virtual time).
 *
 * <pre>{@code
 * @ExtendWith(FakeWebEcrExtension.class)
 * class CheckoutTest {
 *   @Test void paysAtTheTill(PosClient client, FakeWebEcrServer server) { ... }
 * }
 * }</pre>
 *
 * <p>A thin add-on: the testkit declares JUnit optional, so it never reaches a user's runtime.
 */
public final class FakeWebEcrExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(FakeWebEcrExtension.class);

  /** For JUnit. */
  public FakeWebEcrExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    Class<?> type = p.getParameter().getType();
    return type == FakeWebEcrServer.class
        || type == PosClient.class
        || type == TestClock.class
        || type == TestSigner.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    Fixture fixture =
        c.getRoot()
            .getStore(NS)
            .getOrComputeIfAbsent(
                c.getRequiredTestClass().getName(), k -> new Fixture(), Fixture.class);
    Class<?> type = p.getParameter().getType();
    if (type == FakeWebEcrServer.class) {
      return fixture.server;
    }
    if (type == TestClock.class) {
      return fixture.clock;
    }
    if (type == TestSigner.class) {
      return fixture.signer;
    }
    return c.getStore(NS)
        .getOrComputeIfAbsent("client", k -> new ClientResource(fixture), ClientResource.class)
        .client;
  }

  /** One server per test class, stopped when JUnit closes the store. */
  private static final class Fixture implements ExtensionContext.Store.CloseableResource {
    final TestClock clock = new TestClock(Instant.parse("2026-11-22T08:00:00Z"));
    final TestSigner signer = new TestSigner(clock);
    final FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start();

    @Override
    public void close() {
      server.close();
    }
  }

  /** One client per test. */
  private static final class ClientResource implements ExtensionContext.Store.CloseableResource {
    final PosProvider provider;
    final PosClient client;

    ClientResource(Fixture f) {
      provider =
          MellonProvider.create(
              f.server.mellonConfig().retryScheduler(new VirtualTimeScheduler(f.clock)).build(),
              f.clock);
      client =
          PosClient.builder()
              .provider(provider)
              .journal(Journals.inMemory())
              .signer(f.signer)
              .clock(f.clock)
              .scheduler(new VirtualTimeScheduler(f.clock))
              .executor(Runnable::run)
              .build();
    }

    @Override
    public void close() {
      client.close();
      provider.close();
    }
  }
}
