package org.ketaminecds.reload;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the content folders ({@code *.cql}, {@code vocabulary/*.json}, the service definitions; not
 * {@code examples/} or {@code demo/}) and, once changes have settled for the debounce time, asks for one reload. An
 * editor's save of several files, or a {@code git pull}, gives one reload, not one per file.
 */
final class ContentWatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ContentWatcher.class);
  static final String VOCABULARY = "vocabulary";

  private final List<Path> folders;
  private final Duration debounce;
  private final Runnable onChange;
  private volatile WatchService watchService;
  private Thread thread;

  /** @param folders the CQL folder first (its {@code vocabulary/} is watched too), then the service definitions */
  ContentWatcher(List<Path> folders, Duration debounce, Runnable onChange) {
    this.folders = List.copyOf(folders);
    this.debounce = debounce;
    this.onChange = onChange;
  }

  @Override
  public synchronized void start() {
    if (folders.isEmpty()) {
      return; // classpath content, or cds.content.watch=false
    }
    try {
      watchService = FileSystems.getDefault().newWatchService();
      for (Path folder : folders) {
        register(folder);
        register(folder.resolve(VOCABULARY));
      }
    } catch (IOException e) {
      log.error("Cannot watch the content folders {}: no reload on change ({})", folders, e.getMessage());
      return;
    }
    thread = new Thread(this::watch, "content-watcher");
    thread.setDaemon(true);
    thread.start();
    log.info("Watching content folders {} (changes are loaded {} ms after they settle)", folders, debounce.toMillis());
  }

  private void register(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      folder.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
    }
  }

  private void watch() {
    boolean pending = false;
    try {
      while (true) {
        WatchKey key = pending ? watchService.poll(debounce.toMillis(), TimeUnit.MILLISECONDS) : watchService.take();
        if (key == null) { // quiet for the debounce time since the last change
          pending = false;
          reload();
          continue;
        }
        pending |= relevant(key);
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException stopped) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the events touch content: a {@code .cql} or {@code .json} file, or a new {@code vocabulary/} folder. */
  private boolean relevant(WatchKey key) {
    boolean relevant = false;
    for (var event : key.pollEvents()) {
      if (!(event.context() instanceof Path name)) {
        relevant = true; // overflow: changes were lost, reload to be safe
        continue;
      }
      String file = name.toString();
      Path folder = (Path) key.watchable();
      if (file.equals(VOCABULARY) && folders.contains(folder)) {
        try {
          register(folder.resolve(VOCABULARY));
        } catch (IOException e) {
          log.warn("Cannot watch {}: {}", folder.resolve(VOCABULARY), e.getMessage());
        }
        relevant = true;
      }
      relevant |= file.endsWith(".cql") || file.endsWith(".json");
    }
    return relevant;
  }

  private void reload() {
    try {
      onChange.run();
    } catch (RuntimeException e) {
      log.error("Content reload failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (watchService != null) {
      try {
        watchService.close();
      } catch (IOException e) {
        log.debug("closing the content watcher: {}", e.getMessage());
      }
      watchService = null;
    }
    if (thread != null) {
      thread.interrupt();
      thread = null;
    }
  }

  /** The folders watched; empty when the content is not watched. */
  List<Path> folders() {
    return isRunning() ? folders : List.of();
  }

  @Override
  public synchronized boolean isRunning() {
    return thread != null;
  }
}
