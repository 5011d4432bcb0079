/**
 * The service provider interface: what a provider of another ECR middleware implements ({@link
 * dev.webecr.sdk.spi.PosProvider}, found through {@link dev.webecr.sdk.spi.PosProviderFactory} and
 * {@link java.util.ServiceLoader}), and what an ERP plugs in ({@link
 * dev.webecr.sdk.spi.PaymentSigner}, {@link dev.webecr.sdk.spi.IntentJournal}).
 *
 * <p>New methods arrive as {@code default} methods, so implementations keep compiling.
 */
@ValueStyle
package dev.webecr.sdk.spi;
