package org.ketaminecds.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ketaminecds.config.HookJson;
import org.ketaminecds.reload.LiveContent;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /cds-services}. A service answering several hooks is listed once per hook under the same
 * id, so a client can replace its order-select cards with the order-sign ones. Lists the content version served now.
 */
@RestController
class DiscoveryController {

  private final LiveContent content;
  private final ObjectMapper mapper;

  DiscoveryController(LiveContent content, @HookJson ObjectMapper mapper) {
    this.content = content;
    this.mapper = mapper;
  }

  @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> discover() throws JsonProcessingException {
    var services = content.current().services().all().stream()
        .flatMap(definition -> definition.hooks().stream().map(hook -> ServiceDescriptor.of(definition, hook)))
        .toList();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(mapper.writeValueAsBytes(new DiscoveryResponse(services)));
  }
}
