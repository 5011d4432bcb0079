/**
 * Micrometer meters for the SDK: {@link dev.webecr.sdk.micrometer.WebEcrMeters}, a {@code
 * PaymentObserver} to give to {@code PosClient.builder().observer(...)}.
 */
package dev.webecr.sdk.micrometer;
