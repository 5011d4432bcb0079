package dev.webecr.sdk.testkit.viva;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the fake checks of a create (viva-cloud-terminal §11, §17 #14–#16, #21): required fields
 * (refused with 400), then the rules a session fails by once it runs: AADE (1083 fields missing,
 * 1077 terminal or amount not as signed, 1076 a provider number Viva does not know or a signature
 * that does not verify with the test key), the minimum amount and refund or completion limits
 * (6000).
 */
final class FakeVivaRules {
  /** Viva's own numbers of e-invoicing providers [2ND VC7]; 999: demo keys. */
  private static final Set<Long> PROVIDER_NUMBERS = Set.of(101L, 102L, 104L, 108L, 800L, 999L);

  /** What the test signer's signatures start with once decoded: the fake's "test key". */
  private static final String TEST_KEY = "fake-signature:";

  private final long minimumAmountCents;
  private final Function<String, FakeVivaSession> sessions;

  FakeVivaRules(long minimumAmountCents, Function<String, FakeVivaSession> sessions) {
    this.minimumAmountCents = minimumAmountCents;
    this.sessions = sessions;
  }

  /** The first required field missing or malformed, or null. */
  static String missingField(Map<String, Object> body) {
    for (String field :
        new String[] {"sessionId", "terminalId", "cashRegisterId", "currencyCode"}) {
      Object v = body.get(field);
      if (v == null || String.valueOf(v).isBlank()) {
        return field;
      }
    }
    Object amount = body.get("amount");
    if (!(amount instanceof Number) || ((Number) amount).doubleValue() % 1 != 0) {
      return "amount";
    }
    if (Boolean.TRUE.equals(body.get("aadePreloaded"))) {
      Object hours = body.get("aadePreloadedDuration");
      double h = hours instanceof Number ? ((Number) hours).doubleValue() : 0;
      if (h % 1 != 0 || h < 1 || h > 24) {
        return "aadePreloadedDuration"; // whole hours, 1 to 24 [2ND VC6, VC7]
      }
    }
    return null;
  }

  /**
   * What the ISV scheme refuses of a create (§17 #20): no {@code isvDetails} naming the merchant,
   * an unreferenced refund, a pre-authorisation or its completion; null when it takes it.
   */
  static String isvRefusal(Map<String, Object> body, String kind) {
    Object isv = body.get("isvDetails");
    if (!(isv instanceof Map) || ((Map<?, ?>) isv).get("merchantId") == null) {
      return "isvDetails with merchantId is required";
    }
    if (kind.equals("unreferenced-refund")
        || kind.equals("preauth-completion")
        || Boolean.TRUE.equals(body.get("preauth"))) {
      return "This operation is not supported for ISVs";
    }
    return null;
  }

  /** The eventId the session will fail with, or 0. */
  int failureOf(Map<String, Object> body, String kind, Instant now) {
    long amount = ((Number) body.get("amount")).longValue();
    int aade = aade(body, amount);
    if (aade != 0) {
      return aade;
    }
    if (amount < minimumAmountCents) {
      return 6000;
    }
    Object parentId = body.get("parentSessionId");
    if (kind.equals("refund") || kind.equals("preauth-completion")) {
      FakeVivaSession parent = parentId == null ? null : sessions.apply(String.valueOf(parentId));
      boolean fits =
          parent != null
              && parent.approved(now)
              && parent.preauth == kind.equals("preauth-completion")
              && amount <= parent.amount;
      return fits ? 0 : 6000;
    }
    return 0;
  }

  private static int aade(Map<String, Object> body, long amount) {
    Object id = body.get("aadeProviderId");
    Object data = body.get("aadeProviderSignatureData");
    Object signature = body.get("aadeProviderSignature");
    if (id == null || data == null || signature == null) {
      return 1083;
    }
    String[] fields = String.valueOf(data).split(";", -1);
    String terminalId = String.valueOf(body.get("terminalId")).replaceAll("\\.0$", "");
    if (fields.length != 8
        || !fields[7].equals(terminalId)
        || !fields[3].equals(String.valueOf(amount))) {
      return 1077;
    }
    if (!PROVIDER_NUMBERS.contains(((Number) id).longValue()) || !verifies(signature)) {
      return 1076;
    }
    return 0;
  }

  private static boolean verifies(Object signature) {
    try {
      String decoded =
          new String(Base64.getDecoder().decode(String.valueOf(signature)), StandardCharsets.UTF_8);
      return decoded.startsWith(TEST_KEY);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
