/**
 * Mellon WebECR without a terminal: {@link dev.webecr.sdk.testkit.webecr.FakeWebEcrServer} (the
 * fake server, its fake terminals and QA page), what the SDK sent to it ({@link
 * dev.webecr.sdk.testkit.webecr.RecordedRequest}, {@link
 * dev.webecr.sdk.testkit.webecr.FakeWebEcrAssert}), the in-memory provider of the demo, and {@link
 * dev.webecr.sdk.testkit.webecr.MellonCertificationKit}, the acquirer's certification scenarios an
 * ERP runs with its own signer.
 */
package dev.webecr.sdk.testkit.webecr;
