package org.ketaminecds.problem;

import java.net.URI;
import java.util.Optional;
import org.ketaminecds.definition.UnknownServiceException;
import org.ketaminecds.feedback.FeedbackStoreUnavailableException;
import org.ketaminecds.feedback.UnknownCardException;
import org.ketaminecds.invocation.BodyReadTimeoutException;
import org.ketaminecds.invocation.ServiceBusyException;
import org.ketaminecds.prefetch.PrefetchUnavailableException;
import org.ketaminecds.security.RequestBodyTooLargeException;
import org.ketaminecds.security.UntrustedFhirServerException;
import org.springframework.http.HttpStatus;

/**
 * The problem types of this service (RFC 9457 {@code type}): stable URIs that clients and dashboards may
 * switch on. The slug doubles as the audit outcome of a failed invocation.
 */
public enum ProblemTypes {
  INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
  UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Unauthenticated"),
  CLIENT_NOT_TRUSTED("client-not-trusted", HttpStatus.FORBIDDEN, "Client not trusted"),
  UNKNOWN_SERVICE("unknown-service", HttpStatus.NOT_FOUND, "Unknown service"),
  PREFETCH_UNAVAILABLE("prefetch-unavailable", HttpStatus.PRECONDITION_FAILED, "Prefetch unavailable"),
  PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),
  REQUEST_TIMEOUT("request-timeout", HttpStatus.REQUEST_TIMEOUT, "Request timeout"),
  NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
  HEADER_TOO_LARGE("header-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request header too large"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
  UNKNOWN_CARD("unknown-card", HttpStatus.UNPROCESSABLE_ENTITY, "Unknown card"),
  STORE_UNAVAILABLE("store-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable"),
  SERVICE_BUSY("service-busy", HttpStatus.SERVICE_UNAVAILABLE, "Service busy"),
  EVALUATION_FAILED("evaluation-failed", HttpStatus.INTERNAL_SERVER_ERROR, "Evaluation failed"),
  INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

  public static final String BASE = "https://ketamine-cds.org/problems/";

  private final String slug;
  private final HttpStatus status;
  private final String title;

  ProblemTypes(String slug, HttpStatus status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  public String slug() {
    return slug;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public URI uri() {
    return URI.create(BASE + slug);
  }

  /** The problem type of a domain exception; empty for anything unexpected (a 500). */
  public static Optional<ProblemTypes> of(Throwable exception) {
    ProblemTypes type = null;
    if (exception instanceof InvalidRequestException) {
      type = INVALID_REQUEST;
    } else if (exception instanceof UnknownServiceException) {
      type = UNKNOWN_SERVICE;
    } else if (exception instanceof UntrustedFhirServerException) {
      type = CLIENT_NOT_TRUSTED;
    } else if (exception instanceof PrefetchUnavailableException) {
      type = PREFETCH_UNAVAILABLE;
    } else if (exception instanceof UnknownCardException) {
      type = UNKNOWN_CARD;
    } else if (exception instanceof FeedbackStoreUnavailableException) {
      type = STORE_UNAVAILABLE;
    } else if (exception instanceof ServiceBusyException) {
      type = SERVICE_BUSY;
    } else if (exception instanceof BodyReadTimeoutException) {
      type = REQUEST_TIMEOUT;
    } else if (exception instanceof RequestBodyTooLargeException) {
      type = PAYLOAD_TOO_LARGE;
    }
    return Optional.ofNullable(type);
  }
}
