package dev.webecr.sdk.mellon.internal;

/** A successful answer: its parsed JSON and the raw body, kept for the audit trail. */
final class Answer {
  final WireJson json;
  final String raw;

  Answer(WireJson json, String raw) {
    this.json = json;
    this.raw = raw;
  }
}
