package org.ketaminecds.invocation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.EhrServer.fhirJson;
import static org.ketaminecds.definition.ContentExamples.ORDER_CHECK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketaminecds.CdsHttp.Reply;
import org.ketaminecds.EhrServer;
import org.ketaminecds.ServiceIntegration;
import org.ketaminecds.definition.ContentExamples;
import org.springframework.test.context.TestPropertySource;

/**
 * A medication history longer than the service reads (12 pages, {@code cds.fhir.max-pages} 10 here):
 * the two antidepressant trials that make TRD are on pages 11 and 12. The answer must not read as if the history
 * were whole: the rules reading the key are degraded and a warning card says the history was incomplete. A context
 * of its own: a generous deadline, so that reading ten pages one after the other on a busy build host is not a 412.
 */
@TestPropertySource(properties = {"cds.fhir.max-pages=10", "cds.fhir.deadline=30s", "cds.fhir.read-timeout=10s"})
class IncompleteHistoryIntegrationTests extends ServiceIntegration {

  private static final int PAGES = 12;

  @Test
  void twelvePagesWithALimitOfTenNeverReadAsAWholeHistory() {
    var request = ContentExamples.request(ORDER_CHECK, HookInvocationIntegrationTests.CASE);
    var trials = (ArrayNode) request.path("prefetch").path("medicationRequests").path("entry");
    var url = EhrServer.moveToEhr(request, HookInvocationIntegrationTests.TEMPLATES, ACCESS_TOKEN, "medicationRequests")
        .get("medicationRequests");
    servePages(url, trials);

    var reply = http.post("/cds-services/" + ORDER_CHECK, request.toString());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(summaries(reply)).noneSatisfy(s -> assertThat(s).contains(HookInvocationIntegrationTests.TRD_MET))
        .anySatisfy(s -> assertThat(s).startsWith("History incomplete"));
    var degraded = reply.json().path("extension").path("org.ketaminecds.degraded-rules");
    assertThat(degraded.isArray()).isTrue();
    assertThat(degraded).isNotEmpty().allSatisfy(d ->
        assertThat(d.path("reason").asText()).contains("history incomplete").contains("medicationRequests"));
    // a card still fired from the partial list (e.g. "TRD not documented") says the history was incomplete
    var cards = reply.json().path("cards");
    assertThat(cards.size()).isGreaterThan(1);
    for (int i = 1; i < cards.size(); i++) {
      assertThat(cards.get(i).path("detail").asText()).as(cards.get(i).path("summary").asText())
          .contains("History incomplete").contains("medicationRequests");
    }
    EhrServer.wiremock().verify(PAGES - 2 - 1,
        getRequestedFor(urlPathEqualTo("/fhir")).withQueryParam("_getpages", equalTo("long-history")));
  }

  @Test
  void theSameHistoryReadToItsEndIsWhole() {
    var request = ContentExamples.request(ORDER_CHECK, HookInvocationIntegrationTests.CASE);
    var trials = (ArrayNode) request.path("prefetch").path("medicationRequests").path("entry");
    var url = EhrServer.moveToEhr(request, HookInvocationIntegrationTests.TEMPLATES, ACCESS_TOKEN, "medicationRequests")
        .get("medicationRequests");
    servePages(url, trials, 10);

    var reply = http.post("/cds-services/" + ORDER_CHECK, request.toString());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(summaries(reply)).anySatisfy(s -> assertThat(s).contains(HookInvocationIntegrationTests.TRD_MET))
        .noneSatisfy(s -> assertThat(s).startsWith("History incomplete"));
    assertThat(reply.json().path("extension").path("org.ketaminecds.degraded-rules").isMissingNode()).isTrue();
  }

  private static void servePages(String url, ArrayNode trials) {
    servePages(url, trials, PAGES);
  }

  /** {@code pages} pages: unrelated orders first (free text, as EHRs often send them), the trials on the last two. */
  private static void servePages(String url, ArrayNode trials, int pages) {
    for (int n = 1; n <= pages; n++) {
      var page = JsonNodeFactory.instance.objectNode().put("resourceType", "Bundle").put("type", "searchset");
      if (n < pages) {
        page.putArray("link").addObject().put("relation", "next")
            .put("url", EhrServer.fhirBase() + "?_getpages=long-history&_getpagesoffset=" + n);
      }
      var entries = page.putArray("entry");
      if (n >= pages - 1) {
        entries.add(trials.get(n - (pages - 1)).deepCopy());
      } else {
        entries.addObject().set("resource", unrelatedOrder(n));
      }
      if (n == 1) {
        EhrServer.serve(url, fhirJson(page.toString()));
      } else {
        EhrServer.wiremock().stubFor(get(urlPathEqualTo("/fhir")).withQueryParam("_getpages", equalTo("long-history"))
            .withQueryParam("_getpagesoffset", equalTo(String.valueOf(n - 1))).willReturn(fhirJson(page.toString())));
      }
    }
  }

  private static ObjectNode unrelatedOrder(int n) {
    var order = JsonNodeFactory.instance.objectNode().put("resourceType", "MedicationRequest").put("id", "other-" + n)
        .put("status", "completed").put("intent", "order").put("authoredOn", "2025-0" + (1 + n % 9) + "-01");
    order.putObject("subject").put("reference", "Patient/p-esk-met");
    order.putObject("medicationCodeableConcept").put("text", "omeprazole 20 mg capsule");
    return order;
  }

  private static List<String> summaries(Reply reply) {
    var summaries = new ArrayList<String>();
    for (JsonNode card : reply.json().path("cards")) {
      summaries.add(card.path("summary").asText());
    }
    return summaries;
  }
}
