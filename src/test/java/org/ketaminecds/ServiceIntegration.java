package org.ketaminecds;

import org.junit.jupiter.api.BeforeEach;
import org.ketaminecds.feedback.FallbackFeedbackSink;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The whole application with the real content on a random port, security off, and the EHR's FHIR server in
 * WireMock ({@link EhrServer}). Every class extending this one shares one Spring context (same configuration, so
 * Spring's context cache hits). FHIR timeouts are low so that slow-EHR tests finish quickly: read timeout 2 s,
 * overall deadline 3 s; 8 fetch workers (fewer than the default) so that a dozen trickling requests occupy them all;
 * a request body must arrive within 2 s, so that slow-body tests take seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cds.security.enabled=false",
    "cds.fhir.read-timeout=2s",
    "cds.fhir.deadline=3s",
    "cds.fhir.max-parallel-fetches=8",
    "cds.invocation.body-read-timeout=2s"})
@Import(FallbackFeedbackSink.class)
public abstract class ServiceIntegration {

  /** An EHR access token as opaque as a real one; tests assert it is forwarded exactly and never logged. */
  public static final String ACCESS_TOKEN = "ehr-at-7Qp2rXv9sLw4TzK8mN3b";

  @LocalServerPort protected int port;

  protected CdsHttp http;

  @BeforeEach
  void connectAndResetTheEhr() {
    http = new CdsHttp(port);
    EhrServer.reset();
  }
}
