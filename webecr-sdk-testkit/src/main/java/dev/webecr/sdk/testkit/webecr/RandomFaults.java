package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.testkit.InjectedFault;
import java.util.List;
import java.util.Random;

/** A fault for each request with a given probability, drawn from a menu by a seeded random. */
final class RandomFaults {
  final Random random;
  final double rate;
  final List<InjectedFault> menu;

  RandomFaults(Random random, double rate, List<InjectedFault> menu) {
    this.random = random;
    this.rate = rate;
    this.menu = menu;
  }

  synchronized InjectedFault next() {
    return random.nextDouble() < rate ? menu.get(random.nextInt(menu.size())) : null;
  }
}
