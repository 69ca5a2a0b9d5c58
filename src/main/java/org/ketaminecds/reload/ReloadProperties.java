package org.ketaminecds.reload;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live reload of the content.
 *
 * @param watch whether to watch the content folders; unset means on when both locations are {@code file:} folders
 *     (a {@code classpath:} location cannot change), {@code false} turns it off
 * @param watchDebounce how long changes must have stopped before the content is loaded again (default 1 s)
 */
@ConfigurationProperties("cds.content")
record ReloadProperties(Boolean watch, Duration watchDebounce) {

  ReloadProperties {
    watchDebounce = watchDebounce == null || watchDebounce.isNegative() ? Duration.ofSeconds(1) : watchDebounce;
  }
}
