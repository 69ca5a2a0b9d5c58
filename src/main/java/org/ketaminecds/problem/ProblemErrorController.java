package org.ketaminecds.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}, Boot's {@code BasicErrorController} replaced): whatever the container
 * itself refuses (an encoded slash in the path, a request it cannot map) and a direct {@code GET /error} answer RFC
 * 9457 problem+json with a 4xx or 5xx status, never an HTML page (issue 13, item 11). No request text is echoed.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping(path = "${server.error.path:/error}", produces = {})
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
        && HttpStatus.resolve(value).isError() ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
    ProblemTypes type = switch (status) {
      case BAD_REQUEST -> ProblemTypes.INVALID_REQUEST;
      case NOT_FOUND -> ProblemTypes.NOT_FOUND;
      case METHOD_NOT_ALLOWED -> ProblemTypes.METHOD_NOT_ALLOWED;
      case PAYLOAD_TOO_LARGE -> ProblemTypes.PAYLOAD_TOO_LARGE;
      case REQUEST_HEADER_FIELDS_TOO_LARGE -> ProblemTypes.HEADER_TOO_LARGE;
      case UNSUPPORTED_MEDIA_TYPE -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
      case REQUEST_TIMEOUT -> ProblemTypes.REQUEST_TIMEOUT;
      default -> status.is4xxClientError() ? ProblemTypes.INVALID_REQUEST : ProblemTypes.INTERNAL_ERROR;
    };
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(type.uri());
    problem.setTitle(type.title());
    problem.setDetail(status.is4xxClientError() ? "The request was refused before it reached a service."
        : "The service could not answer this request.");
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
