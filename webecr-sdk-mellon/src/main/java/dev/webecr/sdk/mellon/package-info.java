/**
 * The Mellon WebECR provider (Greece): pair terminals, take card payments, refunds and voids
 * through the acquirers' WebECR services. Start with {@link dev.webecr.sdk.mellon.MellonConfig} and
 * {@link dev.webecr.sdk.mellon.MellonProvider}.
 */
@ValueStyle
package dev.webecr.sdk.mellon;

import dev.webecr.sdk.spi.ValueStyle;
