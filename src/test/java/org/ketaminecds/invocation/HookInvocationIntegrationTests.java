package org.ketaminecds.invocation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.EhrServer.fhirJson;
import static org.ketaminecds.definition.ContentExamples.ORDER_CHECK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminecds.CdsHttp.Reply;
import org.ketaminecds.EhrServer;
import org.ketaminecds.ServiceIntegration;
import org.ketaminecds.definition.ContentExamples;

/**
 * The whole invocation path against a stubbed EHR FHIR server, with the real content: what is fetched, with which
 * token, how paging, OperationOutcome prefetch and medicationReference are handled, and the 412 problems when the
 * EHR fails. The patient is {@code esketamine-trd-met} (TRD met on sertraline and escitalopram, esketamine order).
 */
class HookInvocationIntegrationTests extends ServiceIntegration {

  static final String CASE = "esketamine-trd-met";
  static final Map<String, String> TEMPLATES = ContentExamples.prefetchTemplates(ORDER_CHECK);
  static final String TRD_MET = "TRD criteria met";
  static final String SPRAVATO = "SPRAVATO: FDA-approved";

  @AfterEach
  void neverAsksForTheCapabilityStatement() {
    assertThat(EhrServer.requests()).noneSatisfy(r -> assertThat(r.getUrl()).contains("metadata"));
  }

  @Test
  void forwardsTheEhrAccessTokenExactlyOnEveryFhirCall() {
    var request = ContentExamples.request(ORDER_CHECK, CASE);
    EhrServer.moveToEhr(request, TEMPLATES, ACCESS_TOKEN, "conditions", "medicationRequests", "bloodPressure");

    var reply = invoke(request);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(EhrServer.requests()).hasSize(3).allSatisfy(r -> {
      assertThat(r.getHeaders().getHeader("Authorization").values()).containsExactly("Bearer " + ACCESS_TOKEN);
      assertThat(r.getMethod().getName()).isEqualTo("GET");
    });
  }

  @Test
  void fetchesOnlyTheKeysMissingFromThePrefetchAndAnswersAsIfAllWerePrefetched() {
    var full = ContentExamples.request(ORDER_CHECK, CASE);
    var partial = full.deepCopy();
    var urls = EhrServer.moveToEhr(partial, TEMPLATES, ACCESS_TOKEN, "conditions", "medicationRequests");

    var fromPrefetch = invoke(full);
    var withFetch = invoke(partial);

    assertThat(withFetch.status()).as(withFetch.toString()).isEqualTo(200);
    assertThat(summaries(withFetch)).containsExactlyInAnyOrderElementsOf(summaries(fromPrefetch))
        .anySatisfy(s -> assertThat(s).contains(TRD_MET));
    assertThat(EhrServer.requests()).hasSize(2);
    EhrServer.wiremock().verify(1, getRequestedFor(urlPathEqualTo("/fhir/Condition"))
        .withQueryParam("patient", equalTo("p-esk-met")));
    EhrServer.wiremock().verify(1, getRequestedFor(urlPathEqualTo("/fhir/MedicationRequest"))
        .withQueryParam("patient", equalTo("p-esk-met"))
        .withQueryParam("_include", equalTo("MedicationRequest:medication")));
    assertThat(urls).containsOnlyKeys("conditions", "medicationRequests");
  }

  @Test
  void followsNextLinksToReadEveryPageOfASearch() {
    var request = ContentExamples.request(ORDER_CHECK, CASE);
    var bundle = (ObjectNode) request.path("prefetch").path("medicationRequests");
    var entries = (ArrayNode) bundle.path("entry");
    assertThat(entries).hasSize(2);
    var url = EhrServer.moveToEhr(request, TEMPLATES, ACCESS_TOKEN, "medicationRequests").get("medicationRequests");
    var next = EhrServer.fhirBase() + "?_getpages=srch-7f1c&_getpagesoffset=1&_count=1";
    var page1 = bundle.deepCopy().put("total", 2);
    ((ArrayNode) page1.path("entry")).remove(1);
    page1.putArray("link").addObject().put("relation", "next").put("url", next);
    var page2 = bundle.deepCopy().put("total", 2);
    ((ArrayNode) page2.path("entry")).remove(0);
    EhrServer.serve(url, fhirJson(page1.toString()));
    EhrServer.wiremock().stubFor(get(urlPathEqualTo("/fhir")).withQueryParam("_getpagesoffset", equalTo("1"))
        .willReturn(fhirJson(page2.toString())));

    var reply = invoke(request);

    // TRD needs both trials: the second one is only on page 2
    assertThat(summaries(reply)).anySatisfy(s -> assertThat(s).contains(TRD_MET).contains("2 adequate antidepressant trials"));
    EhrServer.wiremock().verify(1, getRequestedFor(urlPathEqualTo("/fhir")).withQueryParam("_getpages", equalTo("srch-7f1c")));
    assertThat(EhrServer.requests()).hasSize(2);
  }

  @Test
  void neverCallsTheMetadataEndpointOfTheFhirServer() {
    var request = ContentExamples.request(ORDER_CHECK, CASE);
    EhrServer.moveToEhr(request, TEMPLATES, ACCESS_TOKEN, "patient", "conditions", "allergies");

    assertThat(invoke(request).status()).isEqualTo(200);
    assertThat(EhrServer.requests()).hasSize(3)
        .allSatisfy(r -> assertThat(r.getUrl()).doesNotContain("metadata"));
  }

  @ParameterizedTest(name = "FHIR server answers {0}")
  @ValueSource(ints = {500, 502, 503})
  void answers412NamingTheKeyWhenTheFhirServerFails(int status) {
    var request = ContentExamples.request(ORDER_CHECK, CASE);
    var urls = EhrServer.moveToEhr(request, TEMPLATES, ACCESS_TOKEN, "conditions", "allergies");
    EhrServer.serve(urls.get("conditions"), aResponse().withStatus(status)
        .withHeader("Content-Type", EhrServer.FHIR_JSON).withBody(EhrServer.file("OperationOutcome-search-failed.json")));

    var reply = invoke(request);

    assertPrefetchUnavailable(reply, request, "conditions");
  }

  @Test
  void answers412NamingTheKeyWhenTheFhirServerTimesOut() {
    var request = ContentExamples.request(ORDER_CHECK, CASE);
    var urls = EhrServer.moveToEhr(request, TEMPLATES, ACCESS_TOKEN, "conditions", "allergies");
    // cds.fhir.read-timeout is 2 s in these tests, the deadline 3 s
    EhrServer.serve(urls.get("allergies"), fhirJson("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}")
        .withFixedDelay(10_000));

    var reply = invoke(request);

    assertPrefetchUnavailable(reply, request, "allergies");
  }

  @Test
  void answers412NamingTheKeyWhenTheFhirServerRejectsTheAccessToken() {
    var request = ContentExamples.request(ORDER_CHECK, CASE);
    var urls = EhrServer.moveToEhr(request, TEMPLATES, ACCESS_TOKEN, "conditions", "allergies");
    EhrServer.serve(urls.get("conditions"), aResponse().withStatus(401)
        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
        .withHeader("Content-Type", EhrServer.FHIR_JSON).withBody(EhrServer.file("OperationOutcome-unauthorized.json")));

    var reply = invoke(request);

    assertPrefetchUnavailable(reply, request, "conditions");
  }

  @ParameterizedTest(name = "prefetched as {0}")
  @ValueSource(strings = {"OperationOutcome", "Bundle of an OperationOutcome"})
  void refetchesAKeyThatWasPrefetchedAsAnOperationOutcome(String form) throws Exception {
    var request = ContentExamples.request(ORDER_CHECK, CASE);
    var conditions = request.path("prefetch").path("conditions").deepCopy();
    var urls = EhrServer.moveToEhr(request, TEMPLATES, ACCESS_TOKEN, "conditions");
    EhrServer.serve(urls.get("conditions"), fhirJson(conditions.toString()));
    var outcome = EhrServer.file("OperationOutcome-search-failed.json");
    ((ObjectNode) request.path("prefetch")).set("conditions", HookRequests.MAPPER.readTree(form.startsWith("Bundle")
        ? "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":" + outcome
            + ",\"search\":{\"mode\":\"outcome\"}}]}"
        : outcome));

    var reply = invoke(request);

    // TRD is met only with the MDD diagnosis, which is in the refetched conditions
    assertThat(summaries(reply)).as(reply.toString()).anySatisfy(s -> assertThat(s).contains(TRD_MET));
    EhrServer.wiremock().verify(1, getRequestedFor(urlPathEqualTo("/fhir/Condition"))
        .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    assertThat(EhrServer.requests()).hasSize(1);
  }

  @Test
  void firesTheEsketamineCardForAnOrderGivenOnlyAsAReferenceToAMedication() {
    var request = withDraftMedicationReference(ContentExamples.request(ORDER_CHECK, CASE), "Medication/spravato-28");
    EhrServer.withEhr(request, ACCESS_TOKEN);
    EhrServer.serve("Medication/spravato-28", fhirJson(EhrServer.file("Medication-spravato-28.json")));

    var reply = invoke(request);

    assertThat(summaries(reply)).as(reply.toString()).anySatisfy(s -> assertThat(s).contains(SPRAVATO));
    EhrServer.wiremock().verify(1, getRequestedFor(urlPathEqualTo("/fhir/Medication/spravato-28"))
        .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
  }

  @Test
  void firesNoEsketamineCardWhenTheReferencedMedicationDoesNotExist() {
    var request = withDraftMedicationReference(ContentExamples.request(ORDER_CHECK, CASE), "Medication/spravato-28");
    EhrServer.withEhr(request, ACCESS_TOKEN);
    EhrServer.wiremock().stubFor(get(urlPathEqualTo("/fhir/Medication/spravato-28")).willReturn(notFound()));

    var reply = invoke(request);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(summaries(reply)).noneSatisfy(s -> assertThat(s).contains(SPRAVATO));
  }

  @Test
  void resolvesHistoryMedicationsIncludedInTheSearchByReference() throws Exception {
    var request = ContentExamples.request(ORDER_CHECK, CASE);
    var bundle = (ObjectNode) request.path("prefetch").path("medicationRequests");
    var ids = List.of("sertraline-100", "escitalopram-20");
    var entries = (ArrayNode) bundle.path("entry");
    for (int i = 0; i < entries.size(); i++) {
      var order = (ObjectNode) entries.get(i).path("resource");
      order.remove("medicationCodeableConcept");
      order.putObject("medicationReference").put("reference", "Medication/" + ids.get(i));
    }
    for (var id : ids) {
      entries.addObject().put("fullUrl", EhrServer.fhirBase() + "/Medication/" + id)
          .<ObjectNode>set("resource", HookRequests.MAPPER.readTree(EhrServer.file("Medication-" + id + ".json")))
          .putObject("search").put("mode", "include");
    }
    EhrServer.moveToEhr(request, TEMPLATES, ACCESS_TOKEN, "medicationRequests");

    var reply = invoke(request);

    assertThat(summaries(reply)).as(reply.toString())
        .anySatisfy(s -> assertThat(s).contains(TRD_MET).contains("2 adequate antidepressant trials"));
    // the Medications came with the search: no read of Medication/{id}
    assertThat(EhrServer.requests()).hasSize(1);
  }

  @Test
  void offersToDeleteEveryDraftTheContraindicationConcerns() {
    // two SPRAVATO drafts (d1 by RxNorm, d2 by NDC only) and an aortic aneurysm: accepting the critical card's
    // suggestion must remove both drafts (before, its one delete action named only the first)
    var reply = invoke(ContentExamples.request(ORDER_CHECK, "two-esketamine-drafts-one-card-per-rule"));

    var critical = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
    reply.json().path("cards").forEach(card -> {
      if ("critical".equals(card.path("indicator").asText())) {
        critical.add(card);
      }
    });
    assertThat(critical).as(reply.toString()).singleElement().satisfies(card -> {
      var actions = card.path("suggestions").path(0).path("actions");
      var ids = new java.util.ArrayList<String>();
      actions.forEach(action -> {
        assertThat(action.path("type").asText()).isEqualTo("delete");
        ids.add(action.path("resourceId").asText());
      });
      assertThat(ids).containsExactlyInAnyOrder("MedicationRequest/d1", "MedicationRequest/d2");
    });
  }

  @Test
  void makesNoOutboundCallAtAllWhenThePrefetchIsComplete() {
    var request = EhrServer.withEhr(ContentExamples.request(ORDER_CHECK, CASE), ACCESS_TOKEN);

    var reply = invoke(request);

    assertThat(summaries(reply)).as(reply.toString()).hasSize(3)
        .anySatisfy(s -> assertThat(s).contains(TRD_MET))
        .anySatisfy(s -> assertThat(s).contains(SPRAVATO));
    assertThat(EhrServer.wiremock().getAllServeEvents()).isEmpty();
  }

  @Test
  void answersAnOrderForAnotherDrugWithoutCallingTheEhrWhenNothingWasPrefetched() {
    // the service gate reads only the orders being placed (the context's drafts): nothing on the server can open it
    var request = ContentExamples.request(ORDER_CHECK, "no-ketamine-order-no-cards");
    var keys = new ArrayList<String>();
    request.path("prefetch").fieldNames().forEachRemaining(keys::add);
    EhrServer.moveToEhr(request, TEMPLATES, ACCESS_TOKEN, keys.toArray(String[]::new));

    var reply = invoke(request);

    assertThat(summaries(reply)).as(reply.toString()).isEmpty();
    assertThat(EhrServer.wiremock().getAllServeEvents()).isEmpty();
  }

  @Test
  void answersOrderSelectAboutTheOrdersJustPickedNotTheWholeSession() {
    // an esketamine draft picked earlier in the session: a lisinopril selection is quiet, a lorazepam selection gets
    // the label §7 interaction card only, and picking the esketamine draft itself gets its cards
    var lisinopril = invoke(ContentExamples.request(ORDER_CHECK, "order-select-lisinopril-esketamine-already-in-session"));
    var lorazepam = invoke(ContentExamples.request(ORDER_CHECK, "order-select-lorazepam-esketamine-already-in-session"));
    var esketamine = ContentExamples.request(ORDER_CHECK, "order-select-lisinopril-esketamine-already-in-session");
    ((ArrayNode) esketamine.path("context").path("selections")).removeAll().add("MedicationRequest/draft-esk-1");

    assertThat(summaries(lisinopril)).as(lisinopril.toString()).isEmpty();
    assertThat(summaries(lorazepam)).as(lorazepam.toString()).singleElement()
        .satisfies(s -> assertThat(s).contains("Concurrent CNS depressant", "lorazepam"));
    assertThat(summaries(invoke(esketamine))).hasSize(3).anySatisfy(s -> assertThat(s).contains(TRD_MET));
  }

  private Reply invoke(ObjectNode request) {
    return http.post("/cds-services/" + ORDER_CHECK, ContentExamples.json(request));
  }

  static List<String> summaries(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    var summaries = new ArrayList<String>();
    reply.json().path("cards").forEach(card -> summaries.add(card.path("summary").asText()));
    return summaries;
  }

  static void assertPrefetchUnavailable(Reply reply, ObjectNode request, String key) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(412);
    assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    JsonNode problem = reply.json();
    assertThat(problem.path("type").asText()).isEqualTo("https://ketamine-cds.org/problems/prefetch-unavailable");
    assertThat(problem.path("title").asText()).isEqualTo("Prefetch unavailable");
    assertThat(problem.path("status").asInt()).isEqualTo(412);
    assertThat(problem.path("keys")).extracting(JsonNode::asText).containsExactly(key);
    assertThat(problem.path("hookInstance").asText()).isEqualTo(request.path("hookInstance").asText());
    assertThat(reply.body()).doesNotContain(ACCESS_TOKEN).doesNotContain(EhrServer.fhirBase());
  }

  private static ObjectNode withDraftMedicationReference(ObjectNode request, String reference) {
    var order = (ObjectNode) request.path("context").path("draftOrders").path("entry").path(0).path("resource");
    assertThat(order.has("medicationCodeableConcept")).isTrue();
    order.remove("medicationCodeableConcept");
    order.putObject("medicationReference").put("reference", reference);
    return request;
  }
}
