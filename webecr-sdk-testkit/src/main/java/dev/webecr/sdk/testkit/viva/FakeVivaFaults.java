package dev.webecr.sdk.testkit.viva;

import dev.webecr.sdk.testkit.InjectedFault;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/** Faults drawn at random for the fake's API requests; used with the fake's lock held. */
final class FakeVivaFaults {
  private Random random;
  private double rate;
  private List<InjectedFault> menu = List.of();

  void atRandom(Random random, double rate, List<InjectedFault> menu) {
    Objects.requireNonNull(random, "random == null");
    if (!(rate >= 0 && rate <= 1) || menu.isEmpty()) {
      throw new IllegalArgumentException("rate must be 0 to 1 and the menu not empty");
    }
    this.random = random;
    this.rate = rate;
    this.menu = List.copyOf(menu);
  }

  void clear() {
    menu = List.of();
  }

  /** The fault for a request of {@code path}, or null (the token and key endpoints are spared). */
  InjectedFault next(String path) {
    if (menu.isEmpty() || !FakeVivaRoutes.isApi(path) || random.nextDouble() >= rate) {
      return null;
    }
    return menu.get(random.nextInt(menu.size()));
  }
}
