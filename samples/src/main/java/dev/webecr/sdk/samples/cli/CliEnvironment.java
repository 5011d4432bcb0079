package dev.webecr.sdk.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * What the command line takes from the world: environment variables, the home folder, a password
 * prompt, output streams, and time (a real clock in use, a virtual one in tests).
 */
final class CliEnvironment {
  final Map<String, String> variables;
  final Path home;
  final Function<String, char[]> prompt;
  final PrintWriter out;
  final PrintWriter err;
  final Clock clock;
  final ScheduledExecutorService scheduler;
  final Executor executor;

  /** Where a provider waits between its own retries; null: its own thread. */
  final ScheduledExecutorService waits;

  CliEnvironment(
      Map<String, String> variables,
      Path home,
      Function<String, char[]> prompt,
      PrintWriter out,
      PrintWriter err,
      Clock clock,
      ScheduledExecutorService scheduler,
      Executor executor) {
    this(variables, home, prompt, out, err, clock, scheduler, executor, null);
  }

  CliEnvironment(
      Map<String, String> variables,
      Path home,
      Function<String, char[]> prompt,
      PrintWriter out,
      PrintWriter err,
      Clock clock,
      ScheduledExecutorService scheduler,
      Executor executor,
      ScheduledExecutorService waits) {
    this.variables = variables;
    this.home = home;
    this.prompt = prompt;
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.scheduler = scheduler;
    this.executor = executor;
    this.waits = waits;
  }
}
