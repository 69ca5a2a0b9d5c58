package org.ketaminecds.cards;

/** Aborts the rendering of one rule; caught by {@link CardRenderer}, never leaves the package. */
class RuleDegradedException extends RuntimeException {

  RuleDegradedException(String reason) {
    super(reason, null, false, false);
  }
}
