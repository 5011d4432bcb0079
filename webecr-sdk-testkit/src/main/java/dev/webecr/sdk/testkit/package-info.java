/**
 * What every fake of the testkit shares: a controllable clock ({@link
 * dev.webecr.sdk.testkit.TestClock}), a virtual-time scheduler, injected faults, a test signer and
 * the standalone runner. The fakes live in rooms by product: {@code testkit.webecr} (Mellon WebECR,
 * its certification kit and an in-memory provider), {@code testkit.rrpay} (RASO RRPay's peer),
 * {@code testkit.viva} (Viva.com's Cloud Terminal API) and {@code testkit.junit} (the JUnit 5
 * extension and the contract suites a provider or journal implementation runs).
 */
package dev.webecr.sdk.testkit;
