package org.ketaminecds.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.ketaminecds.config.BoundedNumbersJsonFactory;

/**
 * Reads a request body that must be one JSON object. Syntax errors are reported by line and column,
 * never by quoting the body (it may hold patient data); a number with an exponent beyond
 * {@link BoundedNumbersJsonFactory#MAX_EXPONENT} is reported at its JSON Pointer (with the hook-JSON mapper).
 */
public final class JsonBodies {

  /** What is wrong with a number whose exponent is beyond {@link BoundedNumbersJsonFactory#MAX_EXPONENT}. */
  public static final String NUMBER_OUT_OF_RANGE = "is a number beyond what a FHIR decimal can mean (exponent beyond +-"
      + BoundedNumbersJsonFactory.MAX_EXPONENT + ")";

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
    } catch (BoundedNumbersJsonFactory.NumberOutOfRangeException e) {
      throw InvalidRequestException.at(e.pointer(), NUMBER_OUT_OF_RANGE);
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
