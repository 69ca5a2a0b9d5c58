package org.ketaminecds.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for what it refuses before any servlet runs (a header over the limit, an encoded slash or
 * another invalid URI): RFC 9457 problem+json instead of Tomcat's HTML page, with no request text in it
 * (issue 13, item 11). Installed on the embedded Tomcat's host by {@link ErrorPagesConfig}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus resolved = HttpStatus.resolve(status);
    ProblemTypes type = resolved == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE ? ProblemTypes.HEADER_TOO_LARGE
        : resolved == HttpStatus.NOT_FOUND ? ProblemTypes.NOT_FOUND
        : status < 500 ? ProblemTypes.INVALID_REQUEST : ProblemTypes.INTERNAL_ERROR;
    String title = resolved == null ? type.title() : resolved.getReasonPhrase();
    String json = "{\"type\":\"" + type.uri() + "\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"The request was refused before it reached a service.\"}";
    try {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      response.setContentType("application/problem+json");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response cannot be written: nothing more to do
    }
  }
}
