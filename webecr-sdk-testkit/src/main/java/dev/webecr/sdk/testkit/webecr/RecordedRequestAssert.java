package dev.webecr.sdk.testkit.webecr;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions on one {@link RecordedRequest}, by WebECR's own field names. */
public final class RecordedRequestAssert
    extends AbstractAssert<RecordedRequestAssert, RecordedRequest> {
  RecordedRequestAssert(RecordedRequest actual) {
    super(actual, RecordedRequestAssert.class);
  }

  /** Its body's {@code CustomerReference} (the attempt reference) is {@code reference}. */
  public RecordedRequestAssert withReference(String reference) {
    return withField("CustomerReference", reference);
  }

  /** Its body's {@code Amount} is {@code cents}. */
  public RecordedRequestAssert withAmount(long cents) {
    Object amount = actual.field("Amount").orElse(null);
    if (!(amount instanceof Number) || ((Number) amount).doubleValue() != cents) {
      failWithMessage("Expected %s to carry Amount %s, but it carried %s", actual, cents, amount);
    }
    return this;
  }

  /** Its body's top-level {@code name} equals {@code value} (numbers compared as numbers). */
  public RecordedRequestAssert withField(String name, Object value) {
    Object got = actual.field(name).orElse(null);
    boolean same =
        got instanceof Number && value instanceof Number
            ? ((Number) got).doubleValue() == ((Number) value).doubleValue()
            : Objects.equals(got, value);
    if (!same) {
      failWithMessage("Expected %s to carry %s = %s, but it carried %s", actual, name, value, got);
    }
    return this;
  }

  /**
   * Its body's {@code ProviderData} (the e-invoicing signature's parts) satisfies {@code check}.
   */
  @SuppressWarnings("unchecked")
  public RecordedRequestAssert withProviderData(Consumer<Map<String, Object>> check) {
    Object data = actual.field("ProviderData").orElse(null);
    if (!(data instanceof Map)) {
      failWithMessage("Expected %s to carry ProviderData, but it carried %s", actual, data);
    }
    check.accept((Map<String, Object>) data);
    return this;
  }

  /** Its header {@code name} is {@code value} (credentials are recorded as {@code ****}). */
  public RecordedRequestAssert withHeader(String name, String value) {
    String got = actual.header(name).orElse(null);
    if (!Objects.equals(got, value)) {
      failWithMessage("Expected %s with header %s: %s, but it was %s", actual, name, value, got);
    }
    return this;
  }
}
