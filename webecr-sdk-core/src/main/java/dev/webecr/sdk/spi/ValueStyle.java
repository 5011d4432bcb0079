package dev.webecr.sdk.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The project's one Immutables style, put on each value package's {@code package-info}: generated
 * {@code Immutable*} classes stay package-private behind the abstract types, no Guava, secrets
 * masked as {@code ****}, a missing or null field a {@link dev.webecr.sdk.RequiredFieldException}
 * naming it. A provider written with Immutables may use it too.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    redactedMask = "****",
    throwForInvalidImmutableState = dev.webecr.sdk.RequiredFieldException.class,
    throwForNullPointer = dev.webecr.sdk.RequiredFieldException.class,
    defaults = @Value.Immutable(copy = false))
public @interface ValueStyle {}
