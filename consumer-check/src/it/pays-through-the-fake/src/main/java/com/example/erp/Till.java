package com.example.erp;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;

/** An ERP's till: takes one card payment for an invoice. */
public final class Till {
  private final PosClient client;
  private final Terminal terminal;

  /** A till paying on {@code terminal} through {@code client}. */
  public Till(PosClient client, Terminal terminal) {
    this.client = client;
    this.terminal = terminal;
  }

  /** Takes {@code euros} for the invoice {@code reference}. */
  public PaymentIntent charge(String euros, String reference) {
    return client.pay(PaymentRequest.builder()
        .terminal(terminal)
        .amount(Money.parse(euros, Money.EUR))
        .reference(reference)
        .build());
  }
}
