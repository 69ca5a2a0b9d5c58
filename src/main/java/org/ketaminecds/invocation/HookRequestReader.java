package org.ketaminecds.invocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.ketaminecds.config.HookJson;
import org.ketaminecds.problem.InvalidRequestException;
import org.ketaminecds.problem.JsonBodies;
import org.springframework.stereotype.Component;

/**
 * Reads a hook request body with the hook-JSON mapper. Messages name where the body is wrong (JSON
 * Pointer, line and column), never what it contains.
 */
@Component
class HookRequestReader {

  private final ObjectMapper mapper;

  HookRequestReader(@HookJson ObjectMapper mapper) {
    this.mapper = mapper;
  }

  HookRequest read(byte[] body) {
    // one pass for a well-formed body: the prefetch trees are built once, not built and then copied
    try {
      HookRequest request = body == null || body.length == 0 ? null : mapper.readValue(body, HookRequest.class);
      if (request != null) {
        return request;
      }
    } catch (IOException e) {
      // fall through: the two steps below say precisely what is wrong
    }
    // syntax first (a truncated body is malformed, not a type error), then the envelope's types
    var tree = JsonBodies.readObject(mapper, body);
    try {
      return mapper.treeToValue(tree, HookRequest.class);
    } catch (JsonMappingException e) {
      throw InvalidRequestException.at(pointer(e.getPath()), "has the wrong JSON type");
    } catch (JsonProcessingException e) {
      throw InvalidRequestException.at("", "has the wrong JSON type");
    }
  }

  /** RFC 6901 pointer of a Jackson reference path. */
  static String pointer(List<JsonMappingException.Reference> path) {
    var pointer = new StringBuilder();
    for (var reference : path) {
      pointer.append('/');
      pointer.append(reference.getIndex() >= 0
          ? String.valueOf(reference.getIndex())
          : String.valueOf(reference.getFieldName()).replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }
}
