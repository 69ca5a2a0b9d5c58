package org.ketaminecds.reload;

import java.time.Instant;
import java.util.List;

/**
 * What content is served and how the last reload went: for readiness details, the admin endpoint and the console.
 *
 * @param version the version served
 * @param loadedAt when it was loaded
 * @param services the service ids it serves
 * @param watching the folders watched for changes (empty: reload only on demand)
 * @param lastReload the last reload, null before the first
 */
public record ContentStatus(long version, Instant loadedAt, List<String> services, List<String> watching,
    ReloadAttempt lastReload) {

  public ContentStatus {
    services = List.copyOf(services);
    watching = List.copyOf(watching);
  }

  static ContentStatus of(LiveContent live, ContentReloader reloader, ContentWatcher watcher) {
    var current = live.current();
    return new ContentStatus(current.version(), current.loadedAt(),
        current.services().all().stream().map(s -> s.id()).toList(),
        watcher == null ? List.of() : watcher.folders().stream().map(Object::toString).toList(),
        reloader.lastAttempt().orElse(null));
  }
}
