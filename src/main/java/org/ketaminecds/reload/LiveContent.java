package org.ketaminecds.reload;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The content being served: one immutable {@link ContentSet} behind an atomic reference. Readers take
 * {@link #current()} once per call; a reload replaces the whole set at once, so calls in flight finish on the
 * version they started with.
 */
public final class LiveContent {

  private final AtomicReference<ContentSet> current;

  public LiveContent(ContentSet initial) {
    this.current = new AtomicReference<>(initial);
  }

  public ContentSet current() {
    return current.get();
  }

  /** Serves {@code next} from now on. */
  void swap(ContentSet next) {
    current.set(next);
  }
}
