package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.TransactionType;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@link MellonCertificationKit}'s scenarios 1 to 10: pairing, sales, void, refunds, instalments,
 * the preloaded payment, mail order. Later scenarios use what these paid, as on the simulator.
 */
public abstract class CertificationSales extends CertificationSteps {
  PaymentIntent sale1;
  PaymentIntent sale2;

  CertificationSales() {}

  @Test
  @Order(1)
  void scenario01_pairingTheErpWithTheTerminalAndTheListOfTerminals() {
    step(
        1,
        "Pairing the ERP with the terminal, and the list of terminals",
        null,
        () -> {
          terminals = client.terminals(client.pair(target.redeemCode()));
          till = terminal(target.tid());
          expect(
              !till.callId().isBlank(),
              "till.callId() not blank"); // the URL id, kept apart from the TID
        });
  }

  @Test
  @Order(2)
  void scenario02_saleOf1EurApproved() {
    step(
        2,
        "Sale of 1.00 EUR, approved",
        null,
        () -> {
          sale1 = pay(payment(till, "1.00", "02"));
          expectResult(sale1, IntentResult.APPROVED);
          target.sent(ref("02") + "-A1").ifPresent(s -> expectEqual(0, s.txnType, "TxnType sent"));
        });
  }

  @Test
  @Order(3)
  void scenario03_saleOf2EurApproved() {
    step(
        3,
        "Sale of 2.00 EUR, approved",
        null,
        () -> {
          sale2 = pay(payment(till, "2.00", "03"));
          expectResult(sale2, IntentResult.APPROVED);
          expect(sale2.transactionId().isPresent(), "sale2.transactionId() present");
        });
  }

  @Test
  @Order(4)
  void scenario04_voidOfThe1EurSaleFromTheErp() {
    step(
        4,
        "Void of the 1.00 EUR sale from the ERP",
        null,
        () -> {
          PaymentIntent voided = record(client.voidPayment(sale1, ref("04")));
          expectResult(voided, IntentResult.APPROVED);
          if (target.isFake()) {
            FakeIntent sale = target.fake.fake().intent(sale1.id()).orElseThrow();
            expect(sale.voidedAt(target.clock.instant()), "the fake voided the 1.00 EUR sale");
          }
        });
  }

  @Test
  @Order(5)
  void scenario05_linkedRefundOf2Eur() {
    step(
        5,
        "Linked refund of the 2.00 EUR sale",
        null,
        () -> {
          PaymentIntent refund =
              record(client.refund(sale2, Money.parse("2.00", Money.EUR), ref("05")));
          expectResult(refund, IntentResult.APPROVED);
          target
              .sent(ref("05") + "-A1")
              .ifPresent(
                  s -> {
                    expectEqual(1, s.txnType, "TxnType sent");
                    expectEqual(
                        sale2.transactionRecordId().orElseThrow(), s.originalId, "original sent");
                  });
        });
  }

  @Test
  @Order(6)
  void scenario06_refundOfAnyAmountWithoutLink() {
    step(
        6,
        "Refund of 3.70 EUR without a link",
        null,
        () -> {
          PaymentIntent refund = pay(payment(till, "3.70", "06").kind(TransactionType.REFUND));
          expectResult(refund, IntentResult.APPROVED);
          target
              .sent(ref("06") + "-A1")
              .ifPresent(s -> expect(s.originalId == null, "s.originalId is none"));
        });
  }

  @Test
  @Order(7)
  void scenario07_instalments() {
    step(
        7,
        "Sale of 120.00 EUR in 3 instalments",
        null,
        () -> {
          PaymentIntent paid = pay(payment(till, "120.00", "07").installments(3));
          expectResult(paid, IntentResult.APPROVED);
          target
              .sent(ref("07") + "-A1")
              .ifPresent(s -> expectEqual(3, s.installments, "instalments sent"));
        });
  }

  @Test
  @Order(8)
  void scenario08_deferredPaymentOf2EurPreloadedOnThePos() {
    String person = "open the preloaded 2.00 EUR payment on the POS and pay it by card";
    step(
        8,
        "Deferred payment of 2.00 EUR, preloaded on the POS",
        person,
        () -> {
          target.person(person + " (once it shows)", () -> {});
          PaymentIntent paid =
              pay(payment(till, "2.00", "08").preloadExpiry(Duration.ofMinutes(60)));
          expectEqual(IntentStatus.COMPLETED, paid.status(), "status");
          target
              .sent(ref("08") + "-A1")
              .ifPresent(
                  s -> {
                    expectEqual(
                        s.createdAt.plusSeconds(3600), s.preloadExpiresAt, "preload expiry sent");
                    // it waited on the POS until the operator opened it
                    expectEqual(s.createdAt.plus(Duration.ofMinutes(10)), s.openedAt, "opened at");
                  });
        });
  }

  @Test
  @Order(9)
  void scenario09_thePreloadedPaymentIsPaidLaterByCard() {
    step(
        9,
        "The preloaded payment, paid later by card",
        null,
        () -> {
          PaymentIntent paid =
              record(
                  client.refresh(
                      client.intents(till, today()).stream()
                          .filter(i -> i.providerReference().equals(ref("08") + "-A1"))
                          .findFirst()
                          .orElseThrow()));
          expectResult(paid, IntentResult.APPROVED);
          expect(paid.maskedPan().isPresent(), "paid.maskedPan() present");
        });
  }

  @Test
  @Order(10)
  void scenario10_mailOrderOf3Eur() {
    step(
        10,
        "Mail order of 3.00 EUR",
        null,
        () -> {
          PaymentIntent paid = pay(payment(till, "3.00", "10").kind(TransactionType.MAIL_ORDER));
          expectResult(paid, IntentResult.APPROVED);
          expectEqual(TransactionType.MAIL_ORDER, paid.kind(), "kind");
        });
  }
}
