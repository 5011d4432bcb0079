/**
 * The Viva.com Cloud Terminal fake (viva-cloud-terminal §17): {@link
 * dev.webecr.sdk.testkit.viva.FakeVivaServer}, whose defaults are the worst case the SDK must
 * survive (a repeated session id charges again, new sessions hidden for 5 s, listings late).
 */
package dev.webecr.sdk.testkit.viva;
