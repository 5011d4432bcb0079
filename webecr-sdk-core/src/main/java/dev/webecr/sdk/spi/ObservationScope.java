package dev.webecr.sdk.spi;

/** A payment's context made current on one thread; {@link #close()} puts back what was there. */
public interface ObservationScope extends AutoCloseable {
  /** Nothing made current. */
  ObservationScope NONE = () -> {};

  @Override
  void close();
}
