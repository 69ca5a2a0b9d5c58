package org.ketaminecds.feedback;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.ketaminecds.invocation.InFlightBodies;
import org.ketaminecds.reload.LiveContent;
import org.ketaminecds.security.ClientIdentity;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /cds-services/{id}/feedback}: 200 once every item is stored; 404 for an unknown service,
 * 400 for a malformed item or one over {@link FeedbackLimits}, 422 for a card never issued to this client, 408 for a
 * body that does not arrive in time, 503 when the store is down or the body budget is full.
 */
@RestController
class FeedbackController {

  private final LiveContent content;
  private final FeedbackReader reader;
  private final FeedbackSink sink;
  private final InFlightBodies bodies;

  FeedbackController(LiveContent content, FeedbackReader reader, FeedbackSink sink, InFlightBodies bodies) {
    this.content = content;
    this.reader = reader;
    this.sink = sink;
    this.bodies = bodies;
  }

  /**
   * The body is read as hook call bodies are, within the shared body budget and read timeout ({@link InFlightBodies}):
   * several large feedback bodies at once cannot exhaust the heap, nor can a slow one hold a thread (issue 13, item 4).
   */
  @PostMapping(path = "/cds-services/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> feedback(@PathVariable String id, HttpServletRequest http) throws IOException {
    content.current().services().require(id);
    var client = http.getAttribute(ClientIdentity.REQUEST_ATTRIBUTE) instanceof ClientIdentity identity
        ? identity
        : ClientIdentity.anonymous();
    return bodies.admit(http.getInputStream(), http.getContentLengthLong(), body -> {
      sink.store(id, client, reader.read(body));
      return ResponseEntity.ok().<Void>build();
    });
  }
}
