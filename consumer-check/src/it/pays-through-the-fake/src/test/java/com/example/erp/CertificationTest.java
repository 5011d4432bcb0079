package com.example.erp;

import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.testkit.webecr.MellonCertificationKit;

/**
 * Mellon's 19 certification scenarios with the ERP's own signer, against the fake (or a UAT host
 * with -Dwebecr.certification.url); the report lands in target/mellon-certification.
 */
class CertificationTest extends MellonCertificationKit {
  @Override
  protected PaymentSigner signer() {
    return new OurEInvoicingSigner(clock());
  }
}
