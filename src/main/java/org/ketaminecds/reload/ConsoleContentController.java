package org.ketaminecds.reload;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /preview/api/content}: the content version and the last reload's errors, for the console page. Exists
 * only while the console does ({@code cds.console.enabled=true}); in production the same is on readiness and
 * {@code GET /admin/content}.
 */
@RestController
@ConditionalOnProperty(prefix = "cds.console", name = "enabled", havingValue = "true")
class ConsoleContentController {

  private final LiveContent live;
  private final ContentReloader reloader;
  private final ContentWatcher watcher;

  ConsoleContentController(LiveContent live, ContentReloader reloader, ContentWatcher watcher) {
    this.live = live;
    this.reloader = reloader;
    this.watcher = watcher;
  }

  @GetMapping("/preview/api/content")
  ContentStatus content() {
    return ContentStatus.of(live, reloader, watcher);
  }
}
