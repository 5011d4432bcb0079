/**
 * OpenTelemetry traces for the SDK: {@link dev.webecr.sdk.opentelemetry.WebEcrTracing}, a {@code
 * PaymentObserver} to give to {@code PosClient.builder().observer(...)}.
 */
package dev.webecr.sdk.opentelemetry;
