package dev.webecr.sdk.mellon.internal;

import java.util.Map;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.QueryMap;
import retrofit2.http.Streaming;
import retrofit2.http.Url;

/**
 * Every Mellon WebECR path and header, relative to {@code {base}/api/{version}/} (Django REST
 * Framework: paths end with {@code /}). Answers are read as raw bodies: the whole JSON is kept for
 * the audit trail, and {@link WireJson} reads it case-insensitively. Every body is streamed
 * ({@code @Streaming}: read once by {@link WebEcrAnswers}, not first copied by Retrofit), so a body
 * that breaks off is reported there, and every answer must be read or closed.
 */
interface WebEcrApi {
  String AUTHORIZATION = "Authorization";
  String API_KEY = "X-Api-Key";

  /** Set on every request by {@link IdentityInterceptor}; read back from answers that carry it. */
  String REQUEST_ID = "X-Request-Id";

  @POST
  @Streaming
  Call<ResponseBody> token(@Url String tokenUrl, @Body WireBodies.Login body);

  @POST
  @Streaming
  Call<ResponseBody> refreshToken(@Url String refreshUrl, @Body WireBodies.Refresh body);

  @POST("authorization/redeem/")
  @Streaming
  Call<ResponseBody> redeem(@Header(AUTHORIZATION) String bearer, @Body WireBodies.Redeem body);

  @GET("terminal/")
  @Streaming
  Call<ResponseBody> terminals(
      @Header(AUTHORIZATION) String bearer, @Header(API_KEY) String apiKey);

  @POST("terminal/{id}/txninit/")
  @Streaming
  Call<ResponseBody> txnInit(
      @Header(AUTHORIZATION) String bearer,
      @Header(API_KEY) String apiKey,
      @Path("id") String terminalId,
      @Body WireBodies.TxnInit body);

  @POST("terminal/{id}/txnvoid/")
  @Streaming
  Call<ResponseBody> txnVoid(
      @Header(AUTHORIZATION) String bearer,
      @Header(API_KEY) String apiKey,
      @Path("id") String terminalId,
      @Body WireBodies.TxnVoid body);

  /** The older API's list of a terminal's voids. */
  @GET("terminal/{id}/txnvoid/")
  @Streaming
  Call<ResponseBody> voids(
      @Header(AUTHORIZATION) String bearer,
      @Header(API_KEY) String apiKey,
      @Path("id") String terminalId);

  @GET("transactionintent/{id}/")
  @Streaming
  Call<ResponseBody> intent(
      @Header(AUTHORIZATION) String bearer,
      @Header(API_KEY) String apiKey,
      @Path("id") String intentId);

  /** Filters: {@code CustomerReference}, {@code TransactionId}, {@code Timestamp_min/max}. */
  @GET("transactionintent/")
  @Streaming
  Call<ResponseBody> intents(
      @Header(AUTHORIZATION) String bearer,
      @Header(API_KEY) String apiKey,
      @QueryMap Map<String, String> filters);

  /** Filters: {@code TID}, {@code Timestamp_min/max}. */
  @GET("transaction/")
  @Streaming
  Call<ResponseBody> transactions(
      @Header(AUTHORIZATION) String bearer,
      @Header(API_KEY) String apiKey,
      @QueryMap Map<String, String> filters);

  /** A further page: the absolute {@code next} URL of a list. */
  @GET
  @Streaming
  Call<ResponseBody> page(
      @Header(AUTHORIZATION) String bearer, @Header(API_KEY) String apiKey, @Url String next);
}
