package org.ketaminecds.report;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * {@code GET /admin/report}: per rule and period, how often it fired, was accepted or overridden (with the
 * reasons) and how long its invocations took; JSON, or CSV with {@code Accept: text/csv} or
 * {@code ?format=csv}. Guarded by {@link AdminAccess}, not by the CDS client trust.
 */
@RestController
class ReportController {

  static final String PATH = "/admin/report";
  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final URI INVALID_REQUEST = URI.create("https://ketamine-cds.org/problems/invalid-request");

  private final AdminAccess access;
  private final UsageReportQuery query;

  ReportController(AdminAccess access, UsageReportQuery query) {
    this.access = access;
    this.query = query;
  }

  @GetMapping(PATH)
  ResponseEntity<?> report(
      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "day") String period,
      @RequestParam(required = false) String service,
      @RequestParam(required = false) String format) throws NoResourceFoundException {
    access.verify(authorization, PATH.substring(1));
    ReportPeriod grouping = ReportPeriod.fromWire(period);
    if (grouping == null) {
      throw invalid("period must be day, week or month");
    }
    LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : date("to", to);
    LocalDate first = from == null ? last.minusDays(29) : date("from", from);
    if (first.isAfter(last)) {
      throw invalid("from must not be after to");
    }
    UsageReport report = query.report(first, last, grouping, service);
    if (wantsCsv(format, accept)) {
      return ResponseEntity.ok()
          .contentType(TEXT_CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
              .filename("ketamine-cds-report-" + first + "-" + last + ".csv").build().toString())
          .body(UsageReportCsv.render(report));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
  }

  private static boolean wantsCsv(String format, String accept) {
    if (format != null) {
      if (!format.equals("csv") && !format.equals("json")) {
        throw invalid("format must be json or csv");
      }
      return format.equals("csv");
    }
    if (accept == null) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .filter(type -> !type.isWildcardType())
          .max(Comparator.comparingDouble(MediaType::getQualityValue))
          .map(type -> type.isCompatibleWith(TEXT_CSV))
          .orElse(false);
    } catch (IllegalArgumentException unparseable) {
      return false;
    }
  }

  private static LocalDate date(String name, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(name + " must be a date like 2026-01-31");
    }
  }

  private static ErrorResponseException invalid(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(INVALID_REQUEST);
    problem.setTitle("Invalid request");
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }
}
