/**
 * JMH benchmarks: each compares a measured operation with a baseline in the same run. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar}.
 */
package dev.webecr.sdk.benchmarks;
