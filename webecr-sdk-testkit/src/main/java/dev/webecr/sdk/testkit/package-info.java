/**
 * Test without a terminal: fake terminals with scripted outcomes, a fake WebECR server, a fake
 * RRPay peer, an in-memory provider and a provider contract suite.
 */
package dev.webecr.sdk.testkit;
