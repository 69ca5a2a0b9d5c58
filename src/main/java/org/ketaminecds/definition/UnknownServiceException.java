package org.ketaminecds.definition;

/** No service with the requested id: HTTP 404. */
public class UnknownServiceException extends RuntimeException {

  private final String serviceId;

  public UnknownServiceException(String serviceId) {
    super("No CDS service with id " + serviceId);
    this.serviceId = serviceId;
  }

  public String serviceId() {
    return serviceId;
  }
}
