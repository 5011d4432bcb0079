/**
 * The payment engine behind {@link dev.webecr.sdk.PosClient}: not an API, may change in any
 * release.
 */
@ValueStyle
package dev.webecr.sdk.internal;

import dev.webecr.sdk.spi.ValueStyle;
