package org.ketaminecds.prefetch;

import java.util.List;

/** Data the service needs could be neither taken from the prefetch nor fetched: HTTP 412. */
public class PrefetchUnavailableException extends RuntimeException {

  private final List<String> keys;

  public PrefetchUnavailableException(List<String> keys, String reason) {
    super("Prefetch unavailable for " + keys + ": " + reason);
    this.keys = List.copyOf(keys);
  }

  public List<String> keys() {
    return keys;
  }
}
