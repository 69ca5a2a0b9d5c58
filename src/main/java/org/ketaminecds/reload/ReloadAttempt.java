package org.ketaminecds.reload;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one reload.
 *
 * @param at when it finished
 * @param trigger what started it: {@code file change} or {@code admin}
 * @param loaded whether the content was valid and is now served
 * @param version the version served after the attempt (the new one, or the last good one when it failed)
 * @param errors every problem found, {@code file:line:column: message} where the location is known; empty when loaded
 */
public record ReloadAttempt(Instant at, String trigger, boolean loaded, long version, List<String> errors) {

  public ReloadAttempt {
    errors = List.copyOf(errors);
  }
}
