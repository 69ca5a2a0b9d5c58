package org.ketaminecds.feedback;

import jakarta.servlet.http.HttpServletRequest;
import org.ketaminecds.reload.LiveContent;
import org.ketaminecds.security.ClientIdentity;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /cds-services/{id}/feedback}: 200 once every item is stored; 404 for an unknown service,
 * 400 for a malformed item, 422 for a card never issued, 503 when the store is down.
 */
@RestController
class FeedbackController {

  private final LiveContent content;
  private final FeedbackReader reader;
  private final FeedbackSink sink;

  FeedbackController(LiveContent content, FeedbackReader reader, FeedbackSink sink) {
    this.content = content;
    this.reader = reader;
    this.sink = sink;
  }

  @PostMapping(path = "/cds-services/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> feedback(@PathVariable String id, @RequestBody byte[] body, HttpServletRequest http) {
    content.current().services().require(id);
    var items = reader.read(body);
    var client = http.getAttribute(ClientIdentity.REQUEST_ATTRIBUTE) instanceof ClientIdentity identity
        ? identity
        : ClientIdentity.anonymous();
    sink.store(id, client, items);
    return ResponseEntity.ok().build();
  }
}
