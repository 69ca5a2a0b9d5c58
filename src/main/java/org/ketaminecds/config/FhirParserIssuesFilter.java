package org.ketaminecds.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request in which the FHIR parser met problems (unknown elements and the like, counted by
 * {@link FhirParserIssues}): the counts by kind, never an element name, a value or any other request text.
 */
class FhirParserIssuesFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(FhirParserIssuesFilter.class);

  private final FhirParserIssues issues;

  FhirParserIssuesFilter(FhirParserIssues issues) {
    this.issues = issues;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    issues.drainThisThread();
    try {
      chain.doFilter(request, response);
    } finally {
      Map<FhirParserIssues.Kind, Integer> counts = issues.drainThisThread();
      if (!counts.isEmpty()) {
        int sum = counts.values().stream().mapToInt(Integer::intValue).sum();
        log.info("FHIR parser: {} problem(s) in this request's FHIR content, by kind {} (element names not logged)",
            sum, new TreeMap<>(counts));
      }
    }
  }
}
