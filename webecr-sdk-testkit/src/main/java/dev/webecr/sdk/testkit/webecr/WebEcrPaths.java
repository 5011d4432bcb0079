package dev.webecr.sdk.testkit.webecr;

/**
 * The WebECR paths the fake server answers, read by hand rather than by regular expressions (the
 * fake classifies every request, and must cost little more than a static stub): {@code
 * /api/token/}, {@code /api/token/refresh/} and {@code /api/v<version>/<resource>}.
 */
final class WebEcrPaths {
  private static final String API = "/api/v";

  private WebEcrPaths() {}

  /** The resource after {@code /api/v<version>/}; null when the path is not under it. */
  static String resource(String path) {
    if (!path.startsWith(API)) {
      return null;
    }
    int i = API.length();
    while (i < path.length() && (Character.isDigit(path.charAt(i)) || path.charAt(i) == '.')) {
      i++;
    }
    return i == API.length() || i >= path.length() || path.charAt(i) != '/'
        ? null
        : path.substring(i + 1);
  }

  /** The id in {@code <prefix><id>/<suffix>} with a non-empty id free of slashes; else null. */
  static String idBetween(String resource, String prefix, String suffix) {
    if (resource == null || !resource.startsWith(prefix) || !resource.endsWith(suffix)) {
      return null;
    }
    int end = resource.length() - suffix.length() - 1; // the slash after the id
    if (end <= prefix.length() || resource.charAt(end) != '/') {
      return null;
    }
    String id = resource.substring(prefix.length(), end);
    return id.indexOf('/') >= 0 ? null : id;
  }

  /** The terminal of {@code terminal/{id}/txninit/} or {@code .../txnvoid/}; else null. */
  static String txnTerminal(String resource) {
    String init = idBetween(resource, "terminal/", "txninit/");
    return init != null ? init : idBetween(resource, "terminal/", "txnvoid/");
  }

  /** The intent of {@code transactionintent/{id}/}; else null. */
  static String intentId(String resource) {
    return idBetween(resource, "transactionintent/", "");
  }

  static Endpoint endpointOf(String method, String path) {
    if (path.equals("/api/token/")) {
      return Endpoint.TOKEN;
    }
    if (path.equals("/api/token/refresh/")) {
      return Endpoint.TOKEN_REFRESH;
    }
    String rest = resource(path);
    if (rest == null) {
      return Endpoint.OTHER;
    }
    switch (rest) {
      case "authorization/redeem/":
        return Endpoint.REDEEM;
      case "terminal/":
        return Endpoint.TERMINALS;
      case "transactionintent/":
        return Endpoint.INTENTS;
      case "transaction/":
        return Endpoint.TRANSACTIONS;
      default:
        break;
    }
    if (idBetween(rest, "terminal/", "txninit/") != null) {
      return Endpoint.TXNINIT;
    }
    if (idBetween(rest, "terminal/", "txnvoid/") != null) {
      return "GET".equals(method) ? Endpoint.VOIDS : Endpoint.TXNVOID;
    }
    return intentId(rest) != null ? Endpoint.INTENT : Endpoint.OTHER;
  }
}
