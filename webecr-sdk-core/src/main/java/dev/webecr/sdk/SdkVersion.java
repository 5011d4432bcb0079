package dev.webecr.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * This SDK's version, as the build wrote it into {@code sdk.properties}: for support questions, and
 * for the {@code User-Agent} providers send. All modules are released together at one version.
 *
 * <pre>{@code
 * log.info("WebECR SDK {}", SdkVersion.get());
 * }</pre>
 */
public final class SdkVersion {
  private static final String VERSION = read();

  private SdkVersion() {}

  /** The version, e.g. {@code 0.1.0}; {@code "unknown"} if the resource is missing. */
  public static String get() {
    return VERSION;
  }

  /** The JVM's version, as a {@code User-Agent} names it. */
  public static String java() {
    return System.getProperty("java.version", "unknown");
  }

  private static String read() {
    Properties p = new Properties();
    try (InputStream in =
        SdkVersion.class.getResourceAsStream("/dev/webecr/sdk/internal/sdk.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // the version only decorates a header: never fail over it
    }
    String v = p.getProperty("version", "unknown");
    return v.startsWith("${") ? "unknown" : v;
  }
}
