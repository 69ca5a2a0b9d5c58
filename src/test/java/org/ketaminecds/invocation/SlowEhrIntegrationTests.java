package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.EhrServer.fhirJson;
import static org.ketaminecds.definition.ContentExamples.ORDER_CHECK;
import static org.ketaminecds.invocation.HookInvocationIntegrationTests.CASE;
import static org.ketaminecds.invocation.HookInvocationIntegrationTests.TEMPLATES;
import static org.ketaminecds.invocation.HookInvocationIntegrationTests.assertPrefetchUnavailable;
import static org.ketaminecds.invocation.HookInvocationIntegrationTests.summaries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.ketaminecds.CdsHttp.Reply;
import org.ketaminecds.EhrServer;
import org.ketaminecds.ServiceIntegration;
import org.ketaminecds.definition.ContentExamples;

/**
 * Issue 4, slow EHR: a FHIR server that trickles its answer (each packet within the 2 s read timeout, the whole
 * answer far beyond the 3 s deadline of these tests) costs the request a 412 naming the key, and nothing else: the
 * service keeps answering, and the fetch workers are free for the next requests.
 */
class SlowEhrIntegrationTests extends ServiceIntegration {

  /** 8 s in 160 chunks: 50 ms between packets, well within the read timeout. */
  static final int TRICKLE_MILLIS = 8_000;

  @Test
  void answers412NamingWhatCouldNotBeFetchedWhenTheEhrIsSlowerThanTheDeadline() {
    var request = tricklingConditions("medicationRequests");

    var reply = invoke(request);

    assertPrefetchUnavailable(reply, request, "conditions");
    assertThat(reply.json().path("detail").asText()).doesNotContain("p-esk-met");
  }

  @Test
  void keepsAnsweringOtherRequestsWhileTheEhrTrickles() {
    var template = tricklingConditions();
    var slowRequests = new ArrayList<ObjectNode>();
    var slow = new ArrayList<CompletableFuture<Reply>>();
    // more slow requests than cds.fhir.max-parallel-fetches (8 in these tests): every fetch worker meets the trickling EHR
    for (int i = 0; i < 12; i++) {
      var request = template.deepCopy().put("hookInstance", UUID.randomUUID().toString());
      slowRequests.add(request);
      slow.add(http.postAsync("/cds-services/" + ORDER_CHECK, ContentExamples.json(request)));
    }

    var prefetched = invoke(ContentExamples.request(ORDER_CHECK, CASE));

    assertThat(summaries(prefetched)).hasSize(3);
    for (int i = 0; i < slow.size(); i++) {
      assertPrefetchUnavailable(slow.get(i).join(), slowRequests.get(i), "conditions");
    }
    // every slow request is over, the EHR still trickles: the fetch workers must be free for the next request
    var fetching = ContentExamples.request(ORDER_CHECK, CASE);
    EhrServer.moveToEhr(fetching, TEMPLATES, ACCESS_TOKEN, "allergies");
    assertThat(summaries(invoke(fetching))).hasSize(3);
  }

  /** A request whose conditions the EHR sends at a trickle, and the other keys named here at once. */
  private static ObjectNode tricklingConditions(String... fastKeys) {
    var request = ContentExamples.request(ORDER_CHECK, CASE);
    var conditions = request.path("prefetch").path("conditions").toString();
    var keys = new ArrayList<>(List.of(fastKeys));
    keys.add("conditions");
    var urls = EhrServer.moveToEhr(request, TEMPLATES, ACCESS_TOKEN, keys.toArray(String[]::new));
    EhrServer.serve(urls.get("conditions"), fhirJson(conditions).withChunkedDribbleDelay(160, TRICKLE_MILLIS));
    return request;
  }

  private Reply invoke(ObjectNode request) {
    return http.post("/cds-services/" + ORDER_CHECK, ContentExamples.json(request));
  }
}
