package dev.webecr.sdk.viva.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Url;

/**
 * Every Viva Cloud Terminal path and header (viva-cloud-terminal §2–§9), relative to the API host,
 * as the merchant scheme has them; the ISV scheme's are the same under {@link #ISV_ROOT} (put in
 * place by {@link VivaHttp}). Each call returns Viva's {@link VivaAnswer} whatever its status, or
 * throws the SDK's connection error ({@link VivaCalls}); the bearer is put on by {@link
 * VivaTokens}.
 */
interface VivaApi {
  String AUTHORIZATION = "Authorization";

  /** The merchant scheme's root (§2). */
  String MERCHANT_ROOT = "/ecr/v1/";

  /** The ISV scheme's root: the same paths (§2). */
  String ISV_ROOT = "/ecr/isv/v1/";

  /** Sent once, never repeated: a failure after it may have left is "outcome unknown". */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface SentOnce {}

  /** §3: client credentials, HTTP Basic; {@code scope} left out when null. */
  @POST
  @FormUrlEncoded
  VivaAnswer token(
      @Url String tokenUrl,
      @Header(AUTHORIZATION) String basic,
      @Field("grant_type") String grantType,
      @Field("scope") String scope);

  /** §4. */
  @POST("ecr/v1/devices:search")
  VivaAnswer devices(@Body Map<String, Object> body);

  /** §5: a sale, or with {@code preauth} a pre-authorisation. */
  @POST("ecr/v1/transactions:sale")
  @SentOnce
  VivaAnswer sale(@Body VivaBodies.Payment body);

  /** §9: a refund of a session ({@code parentSessionId}). */
  @POST("ecr/v1/transactions:refund")
  @SentOnce
  VivaAnswer refund(@Body VivaBodies.Payment body);

  /** §9: a refund without an original (merchant scheme only). */
  @POST("ecr/v1/transactions:unreferenced-refund")
  @SentOnce
  VivaAnswer unreferencedRefund(@Body VivaBodies.Payment body);

  /** §9: the completion of a pre-authorisation ({@code parentSessionId}). */
  @POST("ecr/v1/transactions:preauth-completion")
  @SentOnce
  VivaAnswer completion(@Body VivaBodies.Payment body);

  /** §6: 202 while running (or never reached), 200 when final, 404 unknown. */
  @GET("ecr/v1/sessions/{sessionId}")
  VivaAnswer session(@Path("sessionId") String sessionId);

  /** §8: asks the device to stop a session; a request, not a result. */
  @DELETE("ecr/v1/sessions/{sessionId}")
  @SentOnce
  VivaAnswer abort(
      @Path("sessionId") String sessionId, @Query("cashRegisterId") String cashRegisterId);

  /** §7: the sessions of one day. */
  @GET("ecr/v1/sessions")
  VivaAnswer sessions(@Query("date") String date);
}
