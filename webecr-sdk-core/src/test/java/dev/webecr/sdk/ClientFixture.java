package dev.webecr.sdk;

import dev.webecr.sdk.spi.IntentJournal;
import java.time.Instant;

/** A client on a scripted provider, virtual time and an in-memory journal. */
class ClientFixture {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  final VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock);
  final ScriptedProvider provider = new ScriptedProvider(clock);
  IntentJournal journal = Journals.inMemory();
  final Terminal terminal = ScriptedProvider.terminal("11111111");

  PosClientBuilder clientBuilder() {
    return PosClient.builder()
        .provider(provider)
        .journal(journal)
        .clock(clock)
        .scheduler(scheduler)
        .executor(Runnable::run);
  }

  PosClient client() {
    return clientBuilder().build();
  }

  PaymentRequest sale(String reference, long cents) {
    return sale(terminal, reference, cents);
  }

  static PaymentRequest sale(Terminal terminal, String reference, long cents) {
    return PaymentRequest.builder()
        .terminal(terminal)
        .amount(Money.euroCents(cents))
        .reference(reference)
        .build();
  }
}
