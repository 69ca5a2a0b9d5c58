package org.ketaminecds.console;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import jakarta.servlet.http.HttpServletRequest;
import org.ketaminecds.security.SecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console page's own API (never part of CDS Hooks): demo patients and products, the hook request for a choice,
 * and a short-lived JWT for each call the page makes to the real /cds-services endpoints. Exists only while
 * {@code cds.console.enabled=true}; otherwise every /preview/** path is 404.
 */
@RestController
@RequestMapping("/preview/api")
@ConditionalOnProperty(prefix = "cds.console", name = "enabled", havingValue = "true")
class ConsoleApiController {

  private final DemoData data;
  private final PreviewRequests requests;
  private final ConsoleTokens tokens;
  private final Clock clock;

  private final ConsoleOrigins origins;

  ConsoleApiController(DemoData data, PreviewRequests requests, ConsoleTokens tokens, ObjectProvider<Clock> clock,
      SecurityProperties security) {
    this.origins = new ConsoleOrigins(security.publicBaseUrl());
    this.data = data;
    this.requests = requests;
    this.tokens = tokens;
    this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
  }

  @GetMapping("/patients")
  List<PatientSummary> patients() {
    return data.patientSummaries();
  }

  @GetMapping("/products")
  ProductCatalog products() {
    return new ProductCatalog(PreviewRequests.ORDERING_HOOKS.stream().sorted().toList(), data.productSummaries());
  }

  @PostMapping(path = "/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> request(@Valid @RequestBody RequestDraft draft) {
    Optional<DemoPatient> patient = data.patient(draft.patientId());
    if (patient.isEmpty()) {
      return problem(HttpStatus.NOT_FOUND, "No demo patient " + draft.patientId());
    }
    Product product = null;
    if (PreviewRequests.ordersAProduct(draft.hook())) {
      product = draft.productId() == null ? null : data.product(draft.productId()).orElse(null);
      if (product == null) {
        return problem(HttpStatus.BAD_REQUEST, "Hook " + draft.hook() + " needs a known productId");
      }
    }
    ZonedDateTime now = ZonedDateTime.now(clock);
    try {
      return ResponseEntity.ok(requests.build(draft.hook(), patient.get(), data.bundle(patient.get(), now), product,
          draft.prefetch(), now));
    } catch (IllegalArgumentException e) {
      return problem(HttpStatus.BAD_REQUEST, "Prefetch template with an invalid token");
    }
  }

  /** A trusted token, only for a request from this console's own host ({@link ConsoleOrigins}): otherwise 403. */
  @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
    if (!origins.allows(http)) {
      return problem(HttpStatus.FORBIDDEN, "Tokens are issued only to the console's own page "
          + "(Host and Origin must name the host of cds.security.public-base-url).");
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens.issue(request.path()));
  }

  private static ResponseEntity<?> problem(HttpStatus status, String detail) {
    return ResponseEntity.of(ProblemDetail.forStatusAndDetail(status, detail)).build();
  }
}
