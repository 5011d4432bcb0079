/**
 * JUnit 5 pieces: {@link dev.webecr.sdk.testkit.junit.FakeWebEcrExtension} (a fake WebECR, clock
 * and signer per test), and the contract suites a new provider ({@link
 * dev.webecr.sdk.testkit.junit.ProviderContractTest}) or journal ({@link
 * dev.webecr.sdk.testkit.junit.IntentJournalContractTest}) extends to prove it keeps the SDK's
 * promises.
 */
package dev.webecr.sdk.testkit.junit;
