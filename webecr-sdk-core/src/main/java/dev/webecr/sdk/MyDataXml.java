package dev.webecr.sdk;

/** Writes {@link MyDataPayment} as myDATA's {@code PaymentMethodDetailType}, escaped. */
final class MyDataXml {
  private MyDataXml() {}

  static String paymentMethodDetails(MyDataPayment m) {
    StringBuilder x = new StringBuilder(400);
    x.append("<paymentMethodDetails xmlns=\"").append(MyDataPayment.NAMESPACE).append("\">");
    element(x, "type", String.valueOf(m.type()));
    element(x, "amount", m.amount().toDecimal().toPlainString());
    m.tipAmount().ifPresent(t -> element(x, "tipAmount", t.toDecimal().toPlainString()));
    m.transactionId().ifPresent(t -> element(x, "transactionId", t));
    element(x, "tid", m.tid());
    m.signature()
        .filter(s -> m.signingAuthor().isPresent())
        .ifPresent(
            s -> {
              x.append("<ProvidersSignature>");
              element(x, "SigningAuthor", m.signingAuthor().get());
              element(x, "Signature", s.signature());
              if (m.type() == MyDataPayment.TYPE_IRIS) { // IRIS's reference rides in the signature
                m.endToEndReference().ifPresent(e -> element(x, "EndToEndReferenceID", e));
              }
              x.append("</ProvidersSignature>");
            });
    return x.append("</paymentMethodDetails>").toString();
  }

  private static void element(StringBuilder x, String name, String text) {
    x.append('<').append(name).append('>');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<':
          x.append("&lt;");
          break;
        case '>':
          x.append("&gt;");
          break;
        case '&':
          x.append("&amp;");
          break;
        case '"':
          x.append("&quot;");
          break;
        default:
          x.append(c);
      }
    }
    x.append("</").append(name).append('>');
  }
}
