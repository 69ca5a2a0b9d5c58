package org.ketaminecds.invocation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.ketaminecds.config.HookJson;
import org.ketaminecds.problem.ApiExceptionHandler;
import org.ketaminecds.security.ClientIdentity;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /cds-services/{id}}: once there is room for the body, reads the envelope with the hook-JSON mapper
 * and lets {@link HookInvoker} answer.
 */
@RestController
class InvocationController {

  private final HookRequestReader reader;
  private final HookInvoker invoker;
  private final ObjectMapper mapper;
  private final InFlightBodies bodies;

  InvocationController(HookRequestReader reader, HookInvoker invoker, @HookJson ObjectMapper mapper,
      InFlightBodies bodies) {
    this.reader = reader;
    this.invoker = invoker;
    this.mapper = mapper;
    this.bodies = bodies;
  }

  /** The body is read as there is room for it, within the read timeout ({@link InFlightBodies}), not by Spring. */
  @PostMapping(path = "/cds-services/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> invoke(@PathVariable String id, HttpServletRequest http) throws IOException {
    var client = http.getAttribute(ClientIdentity.REQUEST_ATTRIBUTE) instanceof ClientIdentity identity
        ? identity
        : ClientIdentity.anonymous();
    return bodies.admit(http.getInputStream(), http.getContentLengthLong(), body -> {
      var request = reader.read(body);
      request.safeHookInstance().ifPresent(h -> http.setAttribute(ApiExceptionHandler.HOOK_INSTANCE_ATTRIBUTE, h));
      var response = invoker.invoke(id, request, client);
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsBytes(response));
    });
  }
}
