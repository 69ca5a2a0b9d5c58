package org.ketaminecds.console;

/** The console's demo data (cds-hooks/demo/) is unusable: start-up stops naming the file and what is wrong. */
class DemoDataException extends RuntimeException {

  DemoDataException(String message) {
    super(message);
  }

  DemoDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
