package org.ketaminecds.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ketaminecds.config.HookJson;
import org.ketaminecds.definition.ServiceCatalog;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /cds-services}. A service answering several hooks is listed once per hook under the same
 * id, so a client can replace its order-select cards with the order-sign ones.
 */
@RestController
class DiscoveryController {

  private final ServiceCatalog catalog;
  private final ObjectMapper mapper;

  DiscoveryController(ServiceCatalog catalog, @HookJson ObjectMapper mapper) {
    this.catalog = catalog;
    this.mapper = mapper;
  }

  @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> discover() throws JsonProcessingException {
    var services = catalog.all().stream()
        .flatMap(definition -> definition.hooks().stream().map(hook -> ServiceDescriptor.of(definition, hook)))
        .toList();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(mapper.writeValueAsBytes(new DiscoveryResponse(services)));
  }
}
