package dev.webecr.sdk.samples.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The line a usage error prints. A mistyped option is named as unknown, with the option meant,
 * before any option it left missing ({@code --terminl 1} is an unknown {@code --terminl}, not a
 * missing {@code --terminal}).
 */
final class UsageErrors {
  private UsageErrors() {}

  static String of(ParameterException e, String[] given) {
    CommandLine command = e.getCommandLine();
    List<String> unknown = new ArrayList<>();
    for (String arg : given) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (name.startsWith("-") && !known(command, name)) {
        unknown.add(name);
      }
    }
    if (unknown.isEmpty()) {
      return e.getMessage();
    }
    StringBuilder out = new StringBuilder();
    for (String name : unknown) {
      out.append(out.length() == 0 ? "" : System.lineSeparator())
          .append("Unknown option: '")
          .append(name)
          .append("'");
      String meant = closest(command, name);
      if (meant != null) {
        out.append(" (did you mean ").append(meant).append("?)");
      }
    }
    return out.toString();
  }

  /** True when {@code name} is an option of the command or of one above it. */
  private static boolean known(CommandLine command, String name) {
    for (CommandLine c = command; c != null; c = c.getParent()) {
      if (c.getCommandSpec().findOption(name) != null) {
        return true;
      }
    }
    return false;
  }

  private static String closest(CommandLine command, String name) {
    String best = null;
    int bestDistance = 3; // more edits than this is not a typo
    for (OptionSpec o : command.getCommandSpec().options()) {
      for (String candidate : o.names()) {
        int d = distance(name, candidate);
        if (d < bestDistance) {
          bestDistance = d;
          best = candidate;
        }
      }
    }
    return best;
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + cost);
        diagonal = above;
      }
    }
    return row[b.length()];
  }
}
