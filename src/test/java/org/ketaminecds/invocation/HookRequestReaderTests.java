package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

  @ParameterizedTest
  @ValueSource(strings = {
      "\"context\":{\"patientId\":\"p1\",\"draftOrders\":{\"resourceType\":\"Bundle\",\"total\":1e999999999}}|/context/draftOrders/total",
      "\"prefetch\":{\"vitals\":{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":-1E-999999999}}}|/prefetch/vitals/valueQuantity/value",
      "\"fhirAuthorization\":{\"access_token\":\"t\",\"expires_in\":9.5e+2147483648}|/fhirAuthorization/expires_in",
      "\"extension\":{\"x\":[0.1e1001]}|/extension/x/0"})
  void refusesNumbersWithHugeExponentsWhereverTheyAreBeforeConvertingThem(String memberAndPointer) {
    var parts = memberAndPointer.split("\\|");

    var error = read("{\"hook\":\"order-sign\",\"hookInstance\":\"h1\"," + parts[0] + "}");

    assertThat(error.errors()).singleElement().satisfies(e -> {
      assertThat(e.pointer()).isEqualTo(parts[1]);
      assertThat(e.detail()).contains("exponent beyond +-1000").doesNotContain("999");
    });
  }

  @Test
  void keepsNumbersUpToTheExponentBound() {
    var request = reader.read(bytes("{\"hook\":\"order-sign\",\"extension\":{\"a\":1e1000,\"b\":-2.5E-1000,"
        + "\"c\":1e0001000,\"d\":1.0e308}}"));

    assertThat(request.extension().get("a").decimalValue().scale()).isEqualTo(-1000);
  }

  private InvalidRequestException read(String body) {
    return catchThrowableOfType(InvalidRequestException.class, () -> reader.read(bytes(body)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
