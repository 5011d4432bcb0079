/**
 * The WebECR SDK: take card payments on physical POS terminals through cloud ECR middlewares, with
 * one API whatever the provider.
 *
 * <p>Start with {@link dev.webecr.sdk.PosClient}. Value types ({@link dev.webecr.sdk.Money}, {@link
 * dev.webecr.sdk.PaymentRequest}, {@link dev.webecr.sdk.PaymentIntent}, ...) are immutable and
 * thread-safe; secrets ({@link dev.webecr.sdk.ApiKey}, signatures) never appear in their {@code
 * toString()}.
 */
@ValueStyle
package dev.webecr.sdk;

import dev.webecr.sdk.spi.ValueStyle;
