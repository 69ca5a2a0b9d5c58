package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ketaminecds.ServiceIntegration;
import org.ketaminecds.definition.ContentExamples;
import org.ketaminecds.definition.ContentExamples.Example;

/**
 * Issue 4, concurrency: 8 threads send 500 requests each, mixed over every content example (all services, hooks
 * and patients), through HTTP; every answer must equal the answer the same request got alone (card uuids aside).
 */
class ConcurrentInvocationIntegrationTests extends ServiceIntegration {

  static final int THREADS = 8;
  static final int REQUESTS_PER_THREAD = 500;
  static final String HOOK_INSTANCE = "00000000-0000-4000-8000-000000000000";
  private static final AtomicLong ALIASES = new AtomicLong();
  /** The test database outlives the run: aliases of this run must differ from earlier runs' too. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void answersEveryRequestUnderLoadExactlyAsItDoesAlone() throws Exception {
    var examples = ContentExamples.all();
    var bodies = examples.stream()
        .map(e -> ContentExamples.json(e.request().deepCopy().put("hookInstance", HOOK_INSTANCE)))
        .toList();
    var alone = new ArrayList<JsonNode>();
    for (int i = 0; i < examples.size(); i++) {
      alone.add(answer(examples.get(i), bodies.get(i)));
    }
    assertThat(alone).as("the content's examples produce cards").anySatisfy(a -> assertThat(a.path("body").path("cards")).isNotEmpty());

    var pool = Executors.newFixedThreadPool(THREADS);
    try {
      var threads = new ArrayList<Future<List<String>>>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        threads.add(pool.submit((Callable<List<String>>) () -> {
          var mismatches = new ArrayList<String>();
          for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
            // a different walk through the examples on every thread
            int example = (i * (2 * thread + 1) + thread * 7) % examples.size();
            var answer = answer(examples.get(example), bodies.get(example));
            if (!answer.equals(alone.get(example))) {
              mismatches.add(examples.get(example).name() + " on thread " + thread + ": " + answer);
            }
          }
          return mismatches;
        }));
      }
      var mismatches = new ArrayList<String>();
      for (var thread : threads) {
        mismatches.addAll(thread.get());
      }
      assertThat(mismatches).as("answers that differ from the sequential answer").isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Status and body of one answer, card and suggestion uuids removed. Each request is sent for a patient id of its
   * own (mapped back in the answer): a reminder that does not repeat (rule {@code repeat}) would otherwise be left
   * out of every answer but the first for the example's patient.
   */
  private JsonNode answer(Example example, String body) throws JsonProcessingException {
    var patient = example.request().path("context").path("patientId").asText();
    var alias = patient + "-" + RUN + "-" + ALIASES.incrementAndGet();
    var sent = patient.isEmpty() ? body : Pattern.compile("(?<=[\"/])" + Pattern.quote(patient) + "(?=\")").matcher(body)
        .replaceAll(Matcher.quoteReplacement(alias));
    var reply = http.post("/cds-services/" + example.service(),
        sent.replace(HOOK_INSTANCE, UUID.randomUUID().toString()));
    var answer = HookRequests.MAPPER.createObjectNode().put("status", reply.status());
    answer.set("body", withoutUuids(HookRequests.MAPPER.readTree(reply.body().replace(alias, patient))));
    return answer;
  }


  private static JsonNode withoutUuids(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("uuid");
      object.forEach(ConcurrentInvocationIntegrationTests::withoutUuids);
    } else if (node instanceof ArrayNode array) {
      array.forEach(ConcurrentInvocationIntegrationTests::withoutUuids);
    }
    return node;
  }
}
