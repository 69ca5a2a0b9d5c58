package org.ketaminecds.explain;

import org.ketaminecds.report.AdminAccess;
import org.ketaminecds.security.ClientIdentity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * {@code POST /admin/explain/{id}} with a hook request as the body: why each rule of the service fired or not
 * ({@link Explanation}). Admin token required ({@link AdminAccess}); the request's own prefetch is used, and a
 * {@code fhirServer} is refused (403) unless security is off, as for an anonymous client.
 */
@RestController
class ExplainController {

  static final String PATH = "/admin/explain/";

  private final AdminAccess access;
  private final Explainer explainer;

  ExplainController(AdminAccess access, Explainer explainer) {
    this.access = access;
    this.explainer = explainer;
  }

  @PostMapping(path = PATH + "{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Explanation explain(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String id, @RequestBody byte[] hookRequest) throws NoResourceFoundException {
    access.verify(authorization, PATH.substring(1) + id);
    return explainer.explain(id, hookRequest, ClientIdentity.anonymous());
  }
}
