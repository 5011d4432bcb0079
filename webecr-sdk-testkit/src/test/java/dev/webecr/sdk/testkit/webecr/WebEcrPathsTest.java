package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fake's hand-written path reading follows the rules as regular expressions state them. */
class WebEcrPathsTest {
  private static final Pattern RESOURCE = Pattern.compile("^/api/v[0-9.]+/(.*)$", Pattern.DOTALL);
  private static final Pattern TXN =
      Pattern.compile("^terminal/([^/]+)/(txninit|txnvoid)/$", Pattern.DOTALL);
  private static final Pattern ONE_INTENT =
      Pattern.compile("^transactionintent/([^/]+)/$", Pattern.DOTALL);

  @Property(tries = 5000)
  void pathsAreClassifiedAsTheRulesSay(
      @ForAll("paths") String path, @ForAll("methods") String method) {
    assertThat(WebEcrPaths.endpointOf(method, path)).isEqualTo(byRule(method, path));
  }

  private static Endpoint byRule(String method, String path) {
    if (path.equals("/api/token/")) {
      return Endpoint.TOKEN;
    }
    if (path.equals("/api/token/refresh/")) {
      return Endpoint.TOKEN_REFRESH;
    }
    Matcher m = RESOURCE.matcher(path);
    if (!m.matches()) {
      return Endpoint.OTHER;
    }
    String rest = m.group(1);
    Matcher txn = TXN.matcher(rest);
    if (rest.equals("authorization/redeem/")) {
      return Endpoint.REDEEM;
    } else if (rest.equals("terminal/")) {
      return Endpoint.TERMINALS;
    } else if (txn.matches()) {
      return txn.group(2).equals("txninit")
          ? Endpoint.TXNINIT
          : "GET".equals(method) ? Endpoint.VOIDS : Endpoint.TXNVOID;
    } else if (rest.equals("transactionintent/")) {
      return Endpoint.INTENTS;
    } else if (ONE_INTENT.matcher(rest).matches()) {
      return Endpoint.INTENT;
    }
    return rest.equals("transaction/") ? Endpoint.TRANSACTIONS : Endpoint.OTHER;
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of(
            "/api/",
            "v",
            "2",
            ".",
            "2.2",
            "/",
            "token",
            "refresh",
            "terminal",
            "txninit",
            "txnvoid",
            "transactionintent",
            "transaction",
            "authorization",
            "redeem",
            "358001",
            "7",
            "x",
            "/api/v2.2/",
            "/api/v1/")
        .list()
        .ofMaxSize(8)
        .map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "POST");
  }
}
