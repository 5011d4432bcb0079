package dev.webecr.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URL;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

/** myDATA's payment method details from an approved intent, valid against the XSD subset. */
class MyDataXmlTest {
  private static final Schema SCHEMA = schema();

  private static Schema schema() {
    try {
      URL xsd = MyDataXmlTest.class.getResource("/mydata/payment-method-details-subset.xsd");
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return f.newSchema(xsd);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void valid(String xml) throws Exception {
    SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  private static PaymentIntent approved(PaymentMethod method, Money tip, String e2e) {
    return PaymentIntent.builder()
        .id("77")
        .providerReference("INV-1-A1")
        .terminal(Terminal.builder().providerId("mellon").tid("12345678").callId("358046").build())
        .kind(TransactionType.SALE)
        .amount(Money.parse("24.80", Money.EUR))
        .statusCode(IntentStatus.COMPLETED.code())
        .resultCode(IntentResult.APPROVED.code())
        .transactionId("075121702285176315144")
        .paymentMethod(method)
        .tip(Optional.ofNullable(tip))
        .endToEndReference(Optional.ofNullable(e2e))
        .signature(
            ProviderSignature.of(
                "B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC;;20260202140021;2480;2000;480;2480;12345678",
                "MEUCIQ+sig/==",
                "8",
                "800123456"))
        .build();
  }

  @Test
  void aCardPaymentIsType7InTheSchemasOrderAndValid() throws Exception {
    String xml =
        approved(PaymentMethod.CARD, Money.euroCents(200), null)
            .myDataPayment()
            .orElseThrow()
            .toXml();

    valid(xml);
    assertThat(xml)
        .isEqualTo(
            "<paymentMethodDetails xmlns=\"http://www.aade.gr/myDATA/invoice/v1.0\">"
                + "<type>7</type><amount>24.80</amount><tipAmount>2.00</tipAmount>"
                + "<transactionId>075121702285176315144</transactionId><tid>12345678</tid>"
                + "<ProvidersSignature><SigningAuthor>800123456</SigningAuthor>"
                + "<Signature>MEUCIQ+sig/==</Signature></ProvidersSignature>"
                + "</paymentMethodDetails>");
  }

  @Test
  void anIrisPaymentIsType8WithItsEndToEndReference() throws Exception {
    MyDataPayment m =
        approved(PaymentMethod.IRIS, null, "IRIS0751217").myDataPayment().orElseThrow();

    valid(m.toXml());
    assertThat(m.type()).isEqualTo(MyDataPayment.TYPE_IRIS);
    assertThat(m.toXml())
        .contains("<type>8</type>")
        .endsWith(
            "<Signature>MEUCIQ+sig/==</Signature><EndToEndReferenceID>IRIS0751217"
                + "</EndToEndReferenceID></ProvidersSignature></paymentMethodDetails>");
  }

  @Test
  void theSigningAuthorIsItsOwnFieldNeverTheNetworksProviderId() {
    MyDataPayment m = approved(PaymentMethod.CARD, null, null).myDataPayment().orElseThrow();
    assertThat(m.signingAuthor()).contains("800123456");
    assertThat(m.signature().orElseThrow().providerId()).isEqualTo("8");
    assertThat(m.toString()).doesNotContain("MEUCIQ+sig");
  }

  @Test
  void theSchemaCatchesWhatItShould() {
    String wrongOrder =
        "<paymentMethodDetails xmlns=\"http://www.aade.gr/myDATA/invoice/v1.0\">"
            + "<amount>1.00</amount><type>7</type></paymentMethodDetails>";
    assertThatThrownBy(() -> valid(wrongOrder)).isInstanceOf(SAXParseException.class);
    assertThatThrownBy(
            () ->
                ProviderSignature.of(
                    "B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC;;20260202140021;1;1;0;1;1",
                    "s",
                    "8",
                    "123456789012345678901"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("signature.signingAuthor"));
  }

  @Property(tries = 300)
  void anyApprovedPaymentGivesValidXml(
      @ForAll @LongRange(min = 1, max = 99_999_999L) long cents,
      @ForAll @StringLength(min = 1, max = 30) String tid,
      @ForAll @StringLength(min = 1, max = 20) String author)
      throws Exception {
    String printable = tid.replaceAll("[^\\x20-\\x7e]", "x").replace(";", ",");
    if (printable.isBlank()) {
      printable = "T&<1>";
    }
    String a = author.replaceAll("[^\\x21-\\x7e]", "y");
    MyDataPayment m =
        MyDataPayment.builder()
            .amount(Money.euroCents(cents))
            .tid(printable)
            .transactionId("0751217" + cents)
            .signature(
                ProviderSignature.of(
                    "B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC;;20260202140021;1;1;0;1;1",
                    "MEUC<&>",
                    "8",
                    a))
            .build();

    valid(m.toXml());
  }
}
