package org.ketaminecds.invocation;

/** Every evaluation slot stayed taken for the queue timeout (HTTP 503 service-busy). */
public class ServiceBusyException extends RuntimeException {

  ServiceBusyException() {
    super("all evaluation slots are busy");
  }
}
