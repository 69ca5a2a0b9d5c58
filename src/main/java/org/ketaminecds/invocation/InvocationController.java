package org.ketaminecds.invocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.ketaminecds.config.HookJson;
import org.ketaminecds.problem.ApiExceptionHandler;
import org.ketaminecds.security.ClientIdentity;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /cds-services/{id}}: reads the envelope with the hook-JSON mapper, lets {@link HookInvoker} answer. */
@RestController
class InvocationController {

  private final HookRequestReader reader;
  private final HookInvoker invoker;
  private final ObjectMapper mapper;

  InvocationController(HookRequestReader reader, HookInvoker invoker, @HookJson ObjectMapper mapper) {
    this.reader = reader;
    this.invoker = invoker;
    this.mapper = mapper;
  }

  @PostMapping(path = "/cds-services/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> invoke(@PathVariable String id, @RequestBody byte[] body, HttpServletRequest http)
      throws JsonProcessingException {
    var request = reader.read(body);
    request.safeHookInstance().ifPresent(h -> http.setAttribute(ApiExceptionHandler.HOOK_INSTANCE_ATTRIBUTE, h));
    var client = http.getAttribute(ClientIdentity.REQUEST_ATTRIBUTE) instanceof ClientIdentity identity
        ? identity
        : ClientIdentity.anonymous();
    var response = invoker.invoke(id, request, client);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsBytes(response));
  }
}
