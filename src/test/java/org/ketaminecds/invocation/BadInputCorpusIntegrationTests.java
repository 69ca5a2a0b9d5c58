package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.ketaminecds.CdsHttp;
import org.ketaminecds.CdsHttp.Reply;
import org.ketaminecds.ServiceIntegration;
import org.ketaminecds.definition.ContentExamples;
import org.ketaminecds.invocation.BadInputs.Case;
import org.springframework.test.context.TestContextManager;

/**
 * Issue 4, bad-input corpus: 1,050 generated requests against the running service over HTTP (jqwik; the Spring
 * context is the one {@link ServiceIntegration} shares, joined through Spring's TestContextManager because jqwik
 * runs outside JUnit Jupiter). Whatever comes in, the answer is 2xx, or 4xx with an application/problem+json body:
 * never 5xx, never a hang (every request has a client timeout).
 */
class BadInputCorpusIntegrationTests extends ServiceIntegration {

  @BeforeProperty
  void joinTheSharedServiceContext() throws Exception {
    new TestContextManager(getClass()).prepareTestInstance(this);
    http = new CdsHttp(port);
  }

  @Property(tries = 400)
  void malformedBodiesGetA4xxProblem(@ForAll("malformed") Case bad) {
    var reply = send(bad);

    assertThat(reply.status()).as(bad + ": " + reply).isBetween(400, 499);
    assertProblem(bad, reply);
  }

  @Property(tries = 300)
  void wrongJsonTypesAnywhereGetA2xxOrA4xxProblem(@ForAll("wrongTypes") Case bad) {
    var reply = send(bad);

    assertAnswered(bad, reply);
  }

  @Property(tries = 350)
  void clinicalDataTheEngineMayDislikeNeverFailsTheRequest(@ForAll("oddData") Case odd) {
    var reply = send(odd);

    assertAnswered(odd, reply);
    Statistics.label("outcome").collect(reply.status() == 200 && reply.json().has("extension")
        ? "200 with degraded rules" : String.valueOf(reply.status()));
    Statistics.label("oddity").collect(odd.description().replaceFirst(" in [a-z0-9-]+$", ""));
  }

  /** Issue 13, item 2: {@code 1e999999999} anywhere a number is read is a 400 at once, not minutes of CPU or a 500. */
  @Property(tries = 80)
  void numbersWithHugeExponentsAnywhereGetA400(@ForAll("hugeExponents") Case bad) {
    var reply = send(bad);

    assertThat(reply.status()).as(bad + ": " + reply).isEqualTo(400);
    assertProblem(bad, reply);
    assertThat(reply.body()).as(bad + ": " + reply).contains("exponent beyond");
  }

  /** Issue 13, item 7: an oversized id or string in the envelope is a 400 before anything uses it. */
  @Property(tries = 30)
  void oversizedIdsAndStringsGetA400(@ForAll("oversized") Case bad) {
    var reply = send(bad);

    assertThat(reply.status()).as(bad + ": " + reply).isEqualTo(400);
    assertProblem(bad, reply);
  }

  /** Issue 13, item 6: member names with CR, LF, ESC and other controls are data, never a 5xx. */
  @Property(tries = 30)
  void controlCharactersInMemberNamesGetA2xxOrA4xxProblem(@ForAll("controlNames") Case odd) {
    var reply = send(odd);

    assertAnswered(odd, reply);
  }

  @Provide
  Arbitrary<Case> hugeExponents() {
    var examples = Arbitraries.integers().between(0, BadInputs.EXAMPLES.size() - 1);
    return Combinators.combine(examples, Arbitraries.integers().between(0, 10_000), Arbitraries.of(BadInputs.HUGE_EXPONENTS))
        .as((e, pick, number) -> {
          var request = BadInputs.request(e);
          var positions = BadInputs.numberPositions(request);
          var pointer = positions.get(pick % positions.size());
          return Case.json(pointer + " = " + number, BadInputs.service(e), BadInputs.withNumber(request, pointer, number));
        });
  }

  @Provide
  Arbitrary<Case> oversized() {
    var examples = Arbitraries.integers().between(0, BadInputs.EXAMPLES.size() - 1);
    return Combinators.combine(examples, Arbitraries.of(BadInputs.ID_FIELDS), Arbitraries.integers().between(15, 17))
        .as((e, field, power) -> {
          var request = BadInputs.request(e);
          if (field.startsWith("/context/selections")) {
            request.with("context").putArray("selections");
          } else if (field.startsWith("/fhirAuthorization")) {
            request.putObject("fhirAuthorization").put("access_token", "t").put("token_type", "Bearer");
          }
          var value = field.equals("/fhirServer") ? "https://ehr.example.org/" + "a".repeat(1 << power)
              : "A".repeat(1 << power);
          if (field.startsWith("/context/selections")) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) request.path("context").path("selections")).add(value);
          } else {
            BadInputs.set(request, field, request.textNode(value));
          }
          return Case.json(field + " = " + (1 << power) + " characters", BadInputs.service(e),
              ContentExamples.json(request));
        });
  }

  @Provide
  Arbitrary<Case> controlNames() {
    var examples = Arbitraries.integers().between(0, BadInputs.EXAMPLES.size() - 1);
    var names = Arbitraries.of("x\r\nINFO forged line", "\u001b[31mred\u001b[0m", "tab\there", "nul\u0000byte",
        "\u2028line-separator", "bell\u0007", "\u009bcsi");
    return Combinators.combine(examples, names, Arbitraries.integers().between(1, 500))
        .as((e, name, count) -> {
          var request = BadInputs.request(e);
          var targets = new java.util.ArrayList<com.fasterxml.jackson.databind.node.ObjectNode>();
          request.path("prefetch").forEach(v -> {
            if (v instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
              targets.add(o);
            }
          });
          if (request.path("context").path("draftOrders") instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            targets.add(o);
          }
          targets.add(request.with("context"));
          for (var target : targets) {
            for (int i = 0; i < count; i++) {
              target.put(name + i, "v");
            }
          }
          return Case.json(count + " members named " + name.replaceAll("\\p{Cntrl}", "?"), BadInputs.service(e),
              ContentExamples.json(request));
        });
  }

  @Provide
  Arbitrary<Case> malformed() {
    var examples = Arbitraries.integers().between(0, BadInputs.EXAMPLES.size() - 1);
    var truncated = Combinators.combine(examples, Arbitraries.integers().between(0, 999)).as((e, perMille) -> {
      var json = ContentExamples.json(BadInputs.request(e));
      var cut = json.length() * perMille / 1000;
      return Case.json("truncated at " + cut, BadInputs.service(e), json.substring(0, cut));
    });
    // below and above Jackson's nesting limit (1,000), as the whole body, inside context, inside a prefetch resource
    var depths = Arbitraries.oneOf(Arbitraries.integers().between(100, 990), Arbitraries.integers().between(1_000, 20_000));
    var deep = Combinators.combine(depths, Arbitraries.integers().between(0, 8)).as((depth, shape) -> {
      var nested = BadInputs.nested(depth, shape);
      var body = switch (shape / 3) {
        case 0 -> nested;
        case 1 -> "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":" + nested + "}";
        default -> "{\"hook\":\"patient-view\",\"hookInstance\":\"deep-1\",\"context\":{\"patientId\":\"p1\"},"
            + "\"prefetch\":{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"p1\",\"extension\":[" + nested + "]}}}";
      };
      return Case.json("nested " + depth + " deep, shape " + shape, shape / 3 == 2
          ? ContentExamples.CHART_REVIEW : ContentExamples.ORDER_CHECK, body);
    });
    var notObjects = Arbitraries.of("", "null", "[]", "42", "\"order-sign\"", "true", "{", "}", "{\"hook\":}",
        "{\"hook\":\"order-sign\",}", "{'hook':'order-sign'}", "\uFEFF{}", "{\"hook\":\"order-sign\"}garbage")
        .map(body -> Case.json("body " + body, ContentExamples.ORDER_CHECK, body));
    var noise = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4_000)
        .map(bytes -> new Case("random bytes", ContentExamples.CHART_REVIEW, "application/json", bytes));
    var wrongMediaType = Combinators.combine(examples, Arbitraries.of("text/plain", "application/xml",
        "application/x-www-form-urlencoded", "application/fhir+json", "multipart/form-data; boundary=x"))
        .as((e, type) -> new Case("Content-Type " + type, BadInputs.service(e), type,
            ContentExamples.json(BadInputs.request(e)).getBytes(StandardCharsets.UTF_8)));
    var unknownService = examples.map(e -> Case.json("unknown service", "no-such-service",
        ContentExamples.json(BadInputs.request(e))));
    return Arbitraries.oneOf(truncated, truncated, deep, notObjects, noise, wrongMediaType, unknownService);
  }

  @Provide
  Arbitrary<Case> wrongTypes() {
    var examples = Arbitraries.integers().between(0, BadInputs.EXAMPLES.size() - 1);
    var oneField = Combinators.combine(examples, Arbitraries.of(BadInputs.FIELDS), Arbitraries.of(BadInputs.WRONG_VALUES))
        .as((e, field, value) -> {
          var request = BadInputs.request(e);
          BadInputs.set(request, field, value.deepCopy());
          return Case.json(field + " = " + value, BadInputs.service(e), ContentExamples.json(request));
        });
    var nullEverywhere = examples.map(e -> {
      var request = BadInputs.request(e);
      BadInputs.FIELDS.forEach(field -> BadInputs.set(request, field, request.nullNode()));
      return Case.json("null everywhere", BadInputs.service(e), ContentExamples.json(request));
    });
    var huge = Combinators.combine(examples, Arbitraries.of(BadInputs.FIELDS), Arbitraries.integers().between(10, 21))
        .as((e, field, power) -> {
          var request = BadInputs.request(e);
          BadInputs.set(request, field, request.textNode("A".repeat(1 << power)));
          return Case.json(field + " = " + (1 << power) + " characters", BadInputs.service(e),
              ContentExamples.json(request));
        });
    return Arbitraries.oneOf(oneField, oneField, oneField, nullEverywhere, huge);
  }

  @Provide
  Arbitrary<Case> oddData() {
    return Combinators.combine(Arbitraries.integers().between(0, BadInputs.EXAMPLES.size() - 1),
        Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 8), Arbitraries.longs())
        .as((e, first, second, seed) -> {
          var request = BadInputs.request(e);
          var what = BadInputs.oddity(request, first, seed) + " and " + BadInputs.oddity(request, second, seed + 1);
          return Case.json(what + " in " + BadInputs.EXAMPLES.get(e).name(), BadInputs.service(e),
              ContentExamples.json(request));
        });
  }

  private Reply send(Case bad) {
    return http.send(http.post("/cds-services/" + bad.service(), BodyPublishers.ofByteArray(bad.body()),
        "Content-Type", bad.contentType()));
  }

  private static void assertAnswered(Case bad, Reply reply) {
    assertThat(reply.status()).as(bad + ": " + reply).isBetween(200, 499);
    if (reply.status() != 200) {
      assertProblem(bad, reply);
    } else {
      assertThat(reply.json().path("cards").isArray()).as(bad + ": " + reply).isTrue();
    }
  }

  private static void assertProblem(Case bad, Reply reply) {
    assertThat(reply.contentType()).as(bad + ": " + reply).startsWith(CdsHttp.PROBLEM_JSON);
    JsonNode problem = reply.json();
    assertThat(problem.path("status").asInt()).as(bad + ": " + reply).isEqualTo(reply.status());
    assertThat(problem.path("type").asText()).as(bad + ": " + reply).startsWith("https://ketamine-cds.org/problems/");
  }
}
