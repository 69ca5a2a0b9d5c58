package org.ketaminecds.feedback;

/** The feedback store cannot accept writes right now: HTTP 503, never a silent drop. */
public class FeedbackStoreUnavailableException extends RuntimeException {

  public FeedbackStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
