package dev.webecr.sdk.rrpay.internal;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.rrpay.RrPayOutcome;
import dev.webecr.sdk.rrpay.RrPayResult;
import dev.webecr.sdk.rrpay.RrPayTender;
import java.nio.file.Files;
import java.util.Optional;

/** What the exchange folders say of one request, as the SDK's payment intent. */
final class RrPayIntents {
  private final FolderExchange exchange;
  private final RrPayInbox inbox;

  RrPayIntents(FolderExchange exchange, RrPayInbox inbox) {
    this.exchange = exchange;
    this.inbox = inbox;
  }

  PaymentIntent intent(Terminal terminal, String id, RrPayCodec.Request request) {
    TransactionType kind =
        request.type.equals(RrPayCodec.RETURN)
            ? TransactionType.REFUND
            : request.type.equals(RrPayCodec.CANCEL) ? TransactionType.VOID : TransactionType.SALE;
    PaymentIntent.Builder b =
        PaymentIntent.builder()
            .id(id)
            .providerReference(id)
            .terminal(terminal)
            .kind(kind)
            .amount(Money.euroCents(request.totalCents))
            .createdAt(request.createdAt);
    Optional<RrPayInbox.Stored> stored = inbox.stored(id);
    if (stored.isPresent()) {
      RrPayResult r = stored.get().result;
      IntentResult mapped =
          r.outcome() == RrPayOutcome.PAID
              ? IntentResult.APPROVED
              : r.outcome() == RrPayOutcome.FAILED
                  ? IntentResult.FAILED
                  : kind == TransactionType.VOID ? IntentResult.APPROVED : IntentResult.CANCELLED;
      Optional<RrPayTender> card =
          r.tenders().stream().filter(t -> t.maskedPan().isPresent()).findFirst();
      return b.statusCode(IntentStatus.COMPLETED.code())
          .resultCode(mapped.code())
          .transactionId(r.receiptNumber())
          .authorisationCode(card.flatMap(RrPayTender::authCode))
          .maskedPan(card.flatMap(RrPayTender::maskedPan))
          .providerRecord(stored.get().raw)
          .build();
    }
    if (Files.exists(exchange.rejected.resolve(RrPayCodec.fileName(id, RrPayCodec.RESULT)))) {
      return b.statusCode(IntentStatus.COMPLETED.code())
          .resultCode(IntentResult.UNKNOWN.code())
          .build();
    }
    boolean acked = Files.exists(exchange.done.resolve(RrPayCodec.fileName(id, RrPayCodec.ACK)));
    return b.statusCode(acked ? IntentStatus.SENT.code() : IntentStatus.PENDING.code()).build();
  }
}
