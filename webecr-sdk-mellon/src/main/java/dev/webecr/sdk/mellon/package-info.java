/**
 * The Mellon WebECR provider (Greece): pair terminals, take card payments, refunds and voids
 * through the acquirers' WebECR services. Start with {@link dev.webecr.sdk.mellon.MellonConfig}
 * and {@link dev.webecr.sdk.mellon.MellonProvider}.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    redactedMask = "****",
    defaults = @Value.Immutable(copy = false))
package dev.webecr.sdk.mellon;

import org.immutables.value.Value;
