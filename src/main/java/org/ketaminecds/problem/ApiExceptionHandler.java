package org.ketaminecds.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.ketaminecds.prefetch.PrefetchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns exceptions into RFC 9457 problem+json (docs/deploy/failure-modes.md, "HTTP status codes"). Bodies
 * carry the type, a fixed title, a detail without patient data and, when known, the {@code hookInstance}.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  /** Request attribute holding the hookInstance of the request being served, once it is known and safe. */
  public static final String HOOK_INSTANCE_ATTRIBUTE = ApiExceptionHandler.class.getName() + ".hookInstance";

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler({
    InvalidRequestException.class,
    org.ketaminecds.definition.UnknownServiceException.class,
    org.ketaminecds.security.UntrustedFhirServerException.class,
    PrefetchUnavailableException.class,
    org.ketaminecds.feedback.UnknownCardException.class,
    org.ketaminecds.feedback.FeedbackStoreUnavailableException.class,
    org.ketaminecds.invocation.ServiceBusyException.class,
    org.ketaminecds.invocation.BodyReadTimeoutException.class,
    org.ketaminecds.security.RequestBodyTooLargeException.class
  })
  ResponseEntity<ProblemDetail> handleDomain(RuntimeException exception, HttpServletRequest request) {
    var type = ProblemTypes.of(exception).orElseThrow();
    var problem = problem(type, detail(type, exception), request);
    if (exception instanceof InvalidRequestException invalid) {
      problem.setProperty("errors", invalid.errors());
    }
    if (exception instanceof PrefetchUnavailableException unavailable) {
      problem.setProperty("keys", unavailable.keys());
    }
    log.info("{} {} hookInstance={}", type.status().value(), type.slug(), hookInstance(request));
    if (type == ProblemTypes.REQUEST_TIMEOUT || type == ProblemTypes.PAYLOAD_TOO_LARGE) {
      // the rest of the body is not read: the connection cannot be reused
      return ResponseEntity.status(type.status()).header(HttpHeaders.CONNECTION, "close").body(problem);
    }
    return ResponseEntity.status(type.status()).body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> handleUnexpected(Exception exception, HttpServletRequest request) {
    var type = isInvocation(request) ? ProblemTypes.EVALUATION_FAILED : ProblemTypes.INTERNAL_ERROR;
    // the exception message may quote patient data: log its class only, the trace at debug
    log.error("{} hookInstance={} exception={}", type.slug(), hookInstance(request), exception.getClass().getName());
    log.debug("{} trace", type.slug(), exception);
    var detail = "The service could not answer this request; it has been logged under its hookInstance.";
    return ResponseEntity.status(type.status()).body(problem(type, detail, request));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var problem = problem(ProblemTypes.INVALID_REQUEST, "The request body is missing or unreadable.", request);
    problem.setProperty("errors", List.of(new FieldError("", "a JSON request body is required")));
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var problem = problem(ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Send the request as application/json.", request);
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  private static String detail(ProblemTypes type, RuntimeException exception) {
    return switch (type) {
      case INVALID_REQUEST -> "The request does not conform to CDS Hooks 2.0; see errors.";
      case UNKNOWN_SERVICE -> "No CDS service with this id; GET /cds-services lists them.";
      case CLIENT_NOT_TRUSTED -> "The fhirServer of this request is not allowed for this client.";
      case PREFETCH_UNAVAILABLE -> "Data the service needs was neither prefetched nor fetchable; see keys.";
      case PAYLOAD_TOO_LARGE -> exception.getMessage();
      case UNKNOWN_CARD -> "Feedback names a card this service did not issue.";
      case STORE_UNAVAILABLE -> "Feedback cannot be stored right now; retry later.";
      case SERVICE_BUSY -> "Every evaluation slot is busy; this call was not evaluated. Retry later.";
      case REQUEST_TIMEOUT -> "The request body did not arrive in time; send it again at once.";
      default -> type.title();
    };
  }

  private static ProblemDetail problem(ProblemTypes type, String detail, Object request) {
    var problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
    problem.setType(type.uri());
    problem.setTitle(type.title());
    var hookInstance = request instanceof HttpServletRequest http
        ? http.getAttribute(HOOK_INSTANCE_ATTRIBUTE)
        : ((WebRequest) request).getAttribute(HOOK_INSTANCE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (hookInstance != null) {
      problem.setProperty("hookInstance", hookInstance);
    }
    return problem;
  }

  private static Object hookInstance(HttpServletRequest request) {
    return request.getAttribute(HOOK_INSTANCE_ATTRIBUTE);
  }

  /** POST /cds-services/{id}: an unexpected failure there is an evaluation failure. */
  private static boolean isInvocation(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && request.getRequestURI().matches(".*/cds-services/[^/]+/?");
  }
}
