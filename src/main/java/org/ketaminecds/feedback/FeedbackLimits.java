package org.ketaminecds.feedback;

/**
 * Bounds on one feedback request (issue 13, item 4), besides the body size limit and the body budget it shares with
 * hook calls. An item over a bound is a 400 naming it; nothing of the request is stored.
 */
final class FeedbackLimits {

  /** Items per request: an EHR sends one per card acted on, and a response rarely holds more than a few cards. */
  static final int MAX_ITEMS = 100;

  /** Accepted suggestions per item. */
  static final int MAX_SUGGESTIONS = 20;

  /** Card and suggestion uuids (this service issues 36-character UUIDs). */
  static final int MAX_ID_LENGTH = 128;

  /** {@code overrideReason.userComment}: free text typed by a clinician. */
  static final int MAX_COMMENT_LENGTH = 4000;

  /** {@code overrideReason.reason.system} and {@code display}. */
  static final int MAX_CODING_TEXT_LENGTH = 1024;

  /** {@code overrideReason.reason.code}. */
  static final int MAX_CODE_LENGTH = 256;

  private FeedbackLimits() {}
}
