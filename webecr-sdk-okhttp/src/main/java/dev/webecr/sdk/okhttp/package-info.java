/**
 * What the SDK's HTTP providers share on OkHttp's and Retrofit's seams: {@link
 * dev.webecr.sdk.okhttp.ObservingInterceptor}, which tells a client's observers of every request.
 * For provider implementations; an ERP never needs it directly.
 */
package dev.webecr.sdk.okhttp;
