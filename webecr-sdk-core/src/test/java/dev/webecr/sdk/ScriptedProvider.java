package dev.webecr.sdk;

import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A provider whose every create follows a script: the terminal's result, how many polls the
 * dialogue takes, and faults on the create. Counts what reached it, and how many dialogues ran at
 * once per terminal. Core's own fake: the testkit depends on core, so core cannot use it.
 */
final class ScriptedProvider implements PosProvider {
  /** What goes wrong on a create. */
  enum Fault {
    NONE,
    /** The intent is created, the answer is lost. */
    ANSWER_LOST,
    /** The request is lost before the provider sees it; the client cannot tell. */
    REQUEST_LOST,
    /** Connection refused: provably not sent. */
    REFUSED,
    /** The provider answers 400. */
    REJECTED,
    /** The process dies after the provider created the intent. */
    CRASH_AFTER_SEND,
    /** The process dies before the request leaves. */
    CRASH_BEFORE_SEND
  }

  /** One create's script. */
  static final class Script {
    IntentResult result = IntentResult.APPROVED;
    int pollsUntilDone = 2;
    int unknownPolls;
    boolean neverCompletes;
    Fault fault = Fault.NONE;
    Runnable onCreate = () -> {};

    static Script of(IntentResult result) {
      Script s = new Script();
      s.result = result;
      return s;
    }

    Script with(Consumer<Script> change) {
      change.accept(this);
      return this;
    }
  }

  /** Thrown to stand for the process dying. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;
  }

  private final Clock clock;
  private final Set<Capability> capabilities;
  private final Map<String, Deque<Script>> scripts = new HashMap<>();
  private final Map<String, Stored> intents = new ConcurrentHashMap<>();
  private final AtomicInteger creates = new AtomicInteger();
  private final AtomicInteger ids = new AtomicInteger(1000);
  private final Map<String, Integer> running = new HashMap<>();
  private final Map<String, Integer> maxRunning = new HashMap<>();
  private int maxRunningAll;
  private int runningAll;
  volatile boolean unreachable;

  ScriptedProvider(Clock clock, Capability... extra) {
    this.clock = clock;
    this.capabilities =
        EnumSet.of(
            Capability.REDEEM,
            Capability.LIST_TERMINALS,
            Capability.SALE,
            Capability.REFUND,
            Capability.VOID,
            Capability.LIST_INTENTS);
    this.capabilities.addAll(List.of(extra));
  }

  synchronized ScriptedProvider script(String tid, Script... next) {
    scripts.computeIfAbsent(tid, k -> new ArrayDeque<>()).addAll(List.of(next));
    return this;
  }

  int creates() {
    return creates.get();
  }

  List<PaymentIntent> intentsOn(String tid) {
    return intents.values().stream()
        .filter(s -> s.terminal.tid().equals(tid))
        .map(Stored::view)
        .collect(Collectors.toList());
  }

  synchronized int maxConcurrentDialogues(String tid) {
    return maxRunning.getOrDefault(tid, 0);
  }

  synchronized int maxConcurrentDialogues() {
    return maxRunningAll;
  }

  /** Lets a never-completing dialogue end with {@code result} at the next poll. */
  void complete(String providerReference, IntentResult result) {
    Stored s = byReference(providerReference).orElseThrow();
    s.script.neverCompletes = false;
    s.script.result = result;
    s.script.unknownPolls = 0;
    s.polls = Math.max(s.polls, s.script.pollsUntilDone);
  }

  static Terminal terminal(String tid) {
    return Terminal.builder()
        .providerId("scripted")
        .tid(tid)
        .callId("c" + tid)
        .apiKey(ApiKey.of("key-" + tid))
        .build();
  }

  @Override
  public String id() {
    return "scripted";
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public ApiKey redeem(String code) {
    return ApiKey.of("key-for-" + code);
  }

  @Override
  public List<Terminal> terminals(ApiKey apiKey) {
    return List.of(terminal("11111111").withApiKey(apiKey));
  }

  @Override
  public PaymentIntent create(CreateIntentCommand command) {
    Script script;
    synchronized (this) {
      Deque<Script> queue = scripts.get(command.terminal().tid());
      script = queue == null || queue.isEmpty() ? new Script() : queue.poll();
    }
    if (script.fault == Fault.CRASH_BEFORE_SEND) {
      throw new SimulatedCrash();
    }
    if (script.fault == Fault.REFUSED || unreachable) {
      throw new ConnectionException("connection refused", false, null, null);
    }
    if (script.fault == Fault.REQUEST_LOST) {
      throw new ConnectionException("read timed out", true, command.providerReference(), null);
    }
    creates.incrementAndGet();
    if (script.fault == Fault.REJECTED) {
      throw new ProviderRejectedException("Amount: invalid", 400, "invalid", false);
    }
    command.terminal().requireApiKey();
    Stored s = new Stored(String.valueOf(ids.incrementAndGet()), command, script);
    intents.put(s.id, s);
    begin(s.terminal.tid());
    script.onCreate.run();
    if (script.fault == Fault.ANSWER_LOST) {
      throw new ConnectionException("read timed out", true, command.providerReference(), null);
    }
    if (script.fault == Fault.CRASH_AFTER_SEND) {
      throw new SimulatedCrash();
    }
    return s.view();
  }

  @Override
  public PaymentIntent getAttempt(Terminal terminal, AttemptLookup attempt) {
    String intentId =
        attempt.intentId().orElseThrow(() -> new IllegalArgumentException("no intent id"));
    if (unreachable) {
      throw new ConnectionException("connection refused", false, null, null);
    }
    terminal.requireApiKey();
    Stored s = intents.get(intentId);
    if (s == null) {
      throw new ProviderRejectedException("Not found.", 404, null, false);
    }
    s.polls++;
    PaymentIntent view = s.view();
    if (view.isSettled() && !s.ended) {
      s.ended = true;
      end(s.terminal.tid());
    }
    return view;
  }

  @Override
  public Optional<PaymentIntent> findAttempt(Terminal terminal, AttemptLookup attempt) {
    String providerReference = attempt.providerReference();
    if (unreachable) {
      throw new ConnectionException("connection refused", false, null, null);
    }
    return byReference(providerReference).map(Stored::view);
  }

  private Optional<Stored> byReference(String providerReference) {
    return intents.values().stream()
        .filter(s -> s.command.providerReference().equals(providerReference))
        .findFirst();
  }

  @Override
  public List<PaymentIntent> intents(Terminal terminal, Period period) {
    return intentsOn(terminal.tid()).stream()
        .filter(i -> period.contains(i.createdAt().orElseThrow()))
        .collect(Collectors.toList());
  }

  private synchronized void begin(String tid) {
    int now = running.merge(tid, 1, Integer::sum);
    maxRunning.merge(tid, now, Math::max);
    maxRunningAll = Math.max(maxRunningAll, ++runningAll);
  }

  private synchronized void end(String tid) {
    running.merge(tid, -1, Integer::sum);
    runningAll--;
  }

  private final class Stored {
    final String id;
    final CreateIntentCommand command;
    final Terminal terminal;
    final Script script;
    final java.time.Instant createdAt = clock.instant();
    volatile int polls;
    boolean ended;

    Stored(String id, CreateIntentCommand command, Script script) {
      this.id = id;
      this.command = command;
      this.terminal = command.terminal();
      this.script = script;
    }

    PaymentIntent view() {
      boolean done = !script.neverCompletes && polls >= script.pollsUntilDone;
      PaymentIntent.Builder b =
          PaymentIntent.builder()
              .id(id)
              .providerReference(command.providerReference())
              .terminal(terminal)
              .kind(command.kind())
              .amount(command.amount())
              .createdAt(createdAt)
              .statusCode(done ? IntentStatus.COMPLETED.code() : IntentStatus.SENT.code())
              .providerRecord("{\"Id\":" + id + "}");
      if (done) {
        boolean unknown = polls < script.pollsUntilDone + script.unknownPolls;
        IntentResult r = unknown ? IntentResult.UNKNOWN : script.result;
        b.resultCode(r.code());
        if (r == IntentResult.APPROVED) {
          b.rrn("123456789012").authorisationCode("A1B2C3").transactionId("TX" + id);
        }
      }
      return b.build();
    }
  }
}
