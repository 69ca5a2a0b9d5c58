package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ketaminecds.problem.FieldError;
import org.ketaminecds.problem.InvalidRequestException;

/** Reading a hook call body: well-formed bodies in one pass, and every error said precisely without content. */
class HookRequestReaderTests {

  private final HookRequestReader reader = new HookRequestReader(HookRequests.MAPPER);

  @Test
  void readsAWellFormedBodyWithItsPrefetchTreesAndExactDecimals() {
    var body = HookRequests.json(HookRequests.orderSign()).replaceFirst("\"prefetch\"\\s*:\\s*\\{",
        "\"prefetch\":{\"vitals\":{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":0.10}},");

    var request = reader.read(bytes(body));

    assertThat(request.hook()).isEqualTo("order-sign");
    assertThat(request.prefetch()).containsKey("patient");
    assertThat(request.prefetch().get("vitals").at("/valueQuantity/value").decimalValue()).hasScaleOf(2);
  }

  @Test
  void saysWhereTheJsonIsMalformedNotWhatItHolds() {
    var error = read("{\"hook\": \"order-sign\", \"context\": {\"patientId\": \"Reyes");

    assertThat(error.errors()).extracting(FieldError::detail).singleElement().asString()
        .startsWith("malformed JSON at line 1").doesNotContain("Reyes");
  }

  @Test
  void saysWhichFieldHasTheWrongType() {
    var error = read("{\"hook\": \"order-sign\", \"prefetch\": [\"Reyes\"]}");

    assertThat(error.errors()).extracting(FieldError::pointer).containsExactly("/prefetch");
    assertThat(error.errors()).extracting(FieldError::detail).noneMatch(d -> d.contains("Reyes"));
  }

  @Test
  void refusesAnEmptyBodyAJsonNullAndANonObject() {
    assertThat(read("").errors()).extracting(FieldError::detail).containsExactly("a JSON request body is required");
    assertThat(read("null").errors()).extracting(FieldError::detail).containsExactly("must be a JSON object");
    assertThat(read("[1]").errors()).extracting(FieldError::detail).containsExactly("must be a JSON object");
  }

  private InvalidRequestException read(String body) {
    return catchThrowableOfType(InvalidRequestException.class, () -> reader.read(bytes(body)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
