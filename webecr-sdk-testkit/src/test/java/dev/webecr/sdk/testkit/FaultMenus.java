package dev.webecr.sdk.testkit;

import java.util.List;

/** The faults the chaos runs draw from: lost answers before and after the fake acted, and more. */
public final class FaultMenus {
  private FaultMenus() {}

  /** What any provider's HTTP side meets: resets, 5xx, 429, 502 after the act, broken bodies. */
  public static final List<InjectedFault> COMMON =
      List.of(
          InjectedFault.resetBeforeProcessing(),
          InjectedFault.resetAfterProcessing(),
          InjectedFault.status(500, null),
          InjectedFault.status(503, 1),
          InjectedFault.status(429, 1),
          InjectedFault.statusAfterProcessing(502),
          InjectedFault.statusAfterProcessing(429),
          InjectedFault.malformedBody());
}
