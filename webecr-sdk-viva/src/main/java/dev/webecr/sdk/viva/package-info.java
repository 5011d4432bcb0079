/**
 * The Viva.com Cloud Terminal provider (Greece): card payments on Viva terminals through Viva's
 * cloud, with the AADE provider signature, under the same {@link dev.webecr.sdk.PosClient} as
 * Mellon's. Start with {@link dev.webecr.sdk.viva.VivaProvider}.
 */
@ValueStyle
package dev.webecr.sdk.viva;

import dev.webecr.sdk.spi.ValueStyle;
