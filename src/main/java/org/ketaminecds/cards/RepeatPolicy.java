package org.ketaminecds.cards;

import java.time.Duration;

/**
 * {@code _config.cards[i].repeat}: the rule's card is a reminder that is not shown again for the same patient and
 * service while nothing new is known (docs/content/service-definitions.md, "Reminders that do not repeat"). It is
 * shown again when its rendered summary or detail changes, after the rule has stopped firing for the patient, or
 * once {@code quietDays} have passed since it was last shown. Only {@code info} cards may declare it: a warning or
 * critical card is shown on every order.
 *
 * @param quietDays days after a showing during which the same card is not shown again (1 to {@link #MAX_QUIET_DAYS})
 */
public record RepeatPolicy(Integer quietDays) {

  /** The longest quiet period a definition may declare: it also bounds how long a reminder row is kept. */
  public static final int MAX_QUIET_DAYS = 365;

  public Duration quietPeriod() {
    return Duration.ofDays(quietDays);
  }
}
