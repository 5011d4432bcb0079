package dev.webecr.sdk.mellon.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.QueryMap;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * Every Mellon WebECR path and header, relative to {@code {base}/api/{version}/} (Django REST
 * Framework: paths end with {@code /}). Each call returns its {@link Answer} (the whole JSON, kept
 * for the audit trail, read by {@link AnswerConverterFactory}) or throws the SDK's error ({@link
 * WebEcrCallAdapterFactory}); the bearer is put on by {@link TokenAuth}, so no method takes it. A
 * call's {@link CallFacts} ride along as its request's tag.
 */
interface WebEcrApi {
  String AUTHORIZATION = "Authorization";
  String API_KEY = "X-Api-Key";

  /** Set on every request by {@link IdentityInterceptor}; read back from answers that carry it. */
  String REQUEST_ID = "X-Request-Id";

  /** Sent once, never retried: a failure after it may have left is "outcome unknown". */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface SentOnce {}

  /** A token endpoint: a refusal is the integrator's login refused. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Login {}

  @POST
  @Login
  Answer token(@Url String tokenUrl, @Body WireBodies.Login body, @Tag CallFacts facts);

  @POST
  @Login
  Answer refreshToken(@Url String refreshUrl, @Body WireBodies.Refresh body, @Tag CallFacts facts);

  @POST("authorization/redeem/")
  @SentOnce
  Answer redeem(@Body WireBodies.Redeem body, @Tag CallFacts facts);

  @GET("terminal/")
  Answer terminals(@Header(API_KEY) String apiKey, @Tag CallFacts facts);

  @POST("terminal/{id}/txninit/")
  @SentOnce
  Answer txnInit(
      @Header(API_KEY) String apiKey,
      @Path("id") String terminalId,
      @Body WireBodies.TxnInit body,
      @Tag CallFacts facts);

  @POST("terminal/{id}/txnvoid/")
  @SentOnce
  Answer txnVoid(
      @Header(API_KEY) String apiKey,
      @Path("id") String terminalId,
      @Body WireBodies.TxnVoid body,
      @Tag CallFacts facts);

  /** The older API's list of a terminal's voids. */
  @GET("terminal/{id}/txnvoid/")
  Answer voids(@Header(API_KEY) String apiKey, @Path("id") String terminalId, @Tag CallFacts facts);

  @GET("transactionintent/{id}/")
  Answer intent(@Header(API_KEY) String apiKey, @Path("id") String intentId, @Tag CallFacts facts);

  /** Filters: {@code CustomerReference}, {@code TransactionId}, {@code Timestamp_min/max}. */
  @GET("transactionintent/")
  Answer intents(
      @Header(API_KEY) String apiKey, @QueryMap Map<String, String> filters, @Tag CallFacts facts);

  /** Filters: {@code TID}, {@code Timestamp_min/max}. */
  @GET("transaction/")
  Answer transactions(
      @Header(API_KEY) String apiKey, @QueryMap Map<String, String> filters, @Tag CallFacts facts);

  /** A further page: the absolute {@code next} URL of a list. */
  @GET
  Answer page(@Header(API_KEY) String apiKey, @Url String next, @Tag CallFacts facts);
}
