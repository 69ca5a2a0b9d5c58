package org.ketaminecds.explain;

import org.ketaminecds.security.ClientIdentity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /preview/api/explain/{id}}: the console's "Why these cards?" view, for the request the page just
 * sent. Exists only while the console does ({@code cds.console.enabled=true}, never in production); the page's
 * requests carry their data as prefetch, and a {@code fhirServer} is refused as for an anonymous client.
 */
@RestController
@ConditionalOnProperty(prefix = "cds.console", name = "enabled", havingValue = "true")
class ConsoleExplainController {

  private final Explainer explainer;

  ConsoleExplainController(Explainer explainer) {
    this.explainer = explainer;
  }

  @PostMapping(path = "/preview/api/explain/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Explanation explain(@PathVariable String id, @RequestBody byte[] hookRequest) {
    return explainer.explain(id, hookRequest, ClientIdentity.anonymous());
  }
}
