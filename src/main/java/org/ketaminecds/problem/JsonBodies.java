package org.ketaminecds.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a request body that must be one JSON object. Syntax errors are reported by line and column,
 * never by quoting the body (it may hold patient data).
 */
public final class JsonBodies {

  private JsonBodies() {}

  /** @throws InvalidRequestException for an empty body, malformed JSON, or JSON that is not an object */
  public static JsonNode readObject(ObjectMapper mapper, byte[] body) {
    if (body == null || body.length == 0) {
      throw InvalidRequestException.at("", "a JSON request body is required");
    }
    try {
      JsonNode tree = mapper.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw InvalidRequestException.at("", "must be a JSON object");
      }
      return tree;
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw InvalidRequestException.at("", location == null
          ? "malformed JSON"
          : "malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
