package org.ketaminecds.reload;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code content} in health and readiness: always UP while a valid version is served (a rejected edit does not take
 * the service out of rotation), with the version and the last reload's errors as details.
 */
final class ContentHealthIndicator implements HealthIndicator {

  private final LiveContent live;
  private final ContentReloader reloader;
  private final ContentWatcher watcher;

  ContentHealthIndicator(LiveContent live, ContentReloader reloader, ContentWatcher watcher) {
    this.live = live;
    this.reloader = reloader;
    this.watcher = watcher;
  }

  @Override
  public Health health() {
    var status = ContentStatus.of(live, reloader, watcher);
    var health = Health.up().withDetail("version", status.version()).withDetail("loadedAt", status.loadedAt())
        .withDetail("watching", status.watching());
    var last = status.lastReload();
    if (last != null) {
      health.withDetail("lastReload", last.loaded() ? "loaded" : "rejected")
          .withDetail("lastReloadAt", last.at())
          .withDetail("errors", last.errors());
    }
    return health.build();
  }
}
