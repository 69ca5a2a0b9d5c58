package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.ketaminecds.invocation.HookRequests.json;
import static org.ketaminecds.invocation.HookRequests.orderSign;
import static org.ketaminecds.problem.ProblemMatchers.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.audit.AuditSink;
import org.ketaminecds.audit.InvocationAudit;
import org.ketaminecds.cards.CardRenderer;
import org.ketaminecds.config.TestWebConfig;
import org.ketaminecds.cql.CqlEvaluator;
import org.ketaminecds.cql.EvaluationRequest;
import org.ketaminecds.cql.EvaluationResult;
import org.ketaminecds.prefetch.PatientData;
import org.ketaminecds.prefetch.PrefetchRequest;
import org.ketaminecds.prefetch.PrefetchResolver;
import org.ketaminecds.prefetch.PrefetchUnavailableException;
import org.ketaminecds.problem.ProblemTypes;
import org.ketaminecds.security.ClientIdentity;
import org.ketaminecds.security.FhirServerPolicy;
import org.ketaminecds.security.UntrustedFhirServerException;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.ketaminecds.reminders.RepeatReminders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(controllers = InvocationController.class, properties = {"cds.security.enabled=false"})
@Import({TestWebConfig.class, HookInvoker.class, HookEvaluation.class, PrefetchStep.class, HookRequestReader.class, HookRequestValidator.class, CardRenderer.class,
    InvocationSlots.class, InFlightBodies.class, RepeatReminders.class})
class InvocationControllerTests {

  static final String URL = "/cds-services/ketamine-test-check";

  @Autowired MockMvc mvc;
  @MockitoBean PrefetchResolver prefetchResolver;
  @MockitoBean CqlEvaluator cqlEvaluator;
  @MockitoBean FhirServerPolicy fhirServerPolicy;
  @MockitoBean AuditSink auditSink;

  @BeforeEach
  void patientWithAnAneurysm() {
    given(prefetchResolver.resolve(any())).willReturn(new PatientData(List.of(new Patient()),
        Map.of("patient", PatientData.KeySource.PREFETCHED), 0, Duration.ZERO));
    given(cqlEvaluator.evaluate(any())).willReturn(result(Map.of()));
  }

  @Test
  void returnsTheCardsOfTheRulesThatFired() throws Exception {
    send(orderSign())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cards[?(@.indicator == 'critical')].summary").value(hasItem("Contraindicated: aortic aneurysm")))
        .andExpect(jsonPath("$.cards[?(@.indicator == 'warning')]").isEmpty())
        .andExpect(jsonPath("$.cards[?(@.indicator == 'critical')].uuid").isNotEmpty())
        .andExpect(jsonPath("$.extension").doesNotExist());
  }

  @Test
  void answersTheAdditionalHookUnderTheSameId() throws Exception {
    var request = orderSign().put("hook", "order-select");
    request.withObject("/context").putArray("selections").add("MedicationRequest/draft-1");

    send(request).andExpect(status().isOk()).andExpect(jsonPath("$.cards").isNotEmpty());
  }

  @Test
  void evaluatesTheConditionsFirstAndTheCardTextOnlyForConditionsMetAtTheTimeOfTheRequest() throws Exception {
    var before = ZonedDateTime.now();
    send(orderSign()).andExpect(status().isOk());

    var evaluation = ArgumentCaptor.forClass(EvaluationRequest.class);
    then(cqlEvaluator).should().evaluate(evaluation.capture());
    assertThat(evaluation.getValue().library()).isEqualTo("ExampleCheck");
    assertThat(evaluation.getValue().patientId()).isEqualTo("p1");
    assertThat(evaluation.getValue().expressions()).containsExactlyInAnyOrder("Has Aneurysm", "Needs Screening");
    assertThat(evaluation.getValue().whenMet()).containsEntry("Has Aneurysm", Set.of("Aneurysm Display"));
    assertThat(evaluation.getValue().parameters()).isEmpty();
    assertThat(evaluation.getValue().now()).isBetween(before, ZonedDateTime.now());
  }

  @Test
  void handsTemplatesTokensPrefetchAndDraftOrdersToTheResolver() throws Exception {
    send(orderSign()).andExpect(status().isOk());

    var prefetch = ArgumentCaptor.forClass(PrefetchRequest.class);
    then(prefetchResolver).should().resolve(prefetch.capture());
    var request = prefetch.getValue();
    assertThat(request.templates()).containsOnlyKeys("patient", "conditions", "phq9");
    assertThat(request.tokens()).containsEntry("context.patientId", "p1")
        .containsEntry("context.userId", "Practitioner/pr1").containsEntry("userPractitionerId", "pr1");
    assertThat(request.given()).containsOnlyKeys("patient", "conditions", "phq9").containsEntry("conditions", null);
    assertThat(request.given().get("patient").path("resourceType").asText()).isEqualTo("Patient");
    assertThat(request.draftResources()).singleElement().isInstanceOf(MedicationRequest.class);
    assertThat(request.access()).isNull();
    then(fhirServerPolicy).should(never()).check(any(), any());
  }

  @Test
  void checksTheFhirServerAndForwardsTheAccessToken() throws Exception {
    var request = orderSign().put("fhirServer", "https://ehr.example.org/fhir");
    request.putObject("fhirAuthorization").put("access_token", "secret-token").put("token_type", "Bearer")
        .put("expires_in", 300).put("scope", "patient/*.read").put("subject", "ketamine-cds");

    send(request).andExpect(status().isOk());

    then(fhirServerPolicy).should().check(ClientIdentity.anonymous(), URI.create("https://ehr.example.org/fhir"));
    var prefetch = ArgumentCaptor.forClass(PrefetchRequest.class);
    then(prefetchResolver).should().resolve(prefetch.capture());
    assertThat(prefetch.getValue().access().bearerToken()).isEqualTo("secret-token");
  }

  @Test
  void reportsDegradedRulesInTheResponseExtension() throws Exception {
    var values = new HashMap<String, Object>(Map.of("Has Aneurysm", true, "Aneurysm Display", "x"));
    given(cqlEvaluator.evaluate(any())).willReturn(new EvaluationResult(values, Map.of("Needs Screening", "timeout")));

    send(orderSign())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.extension['org.ketaminecds.degraded-rules'][?(@.rule == 'no-recent-screening')].reason")
            .value(hasItem("conditionExpression 'Needs Screening' failed: timeout")))
        .andExpect(jsonPath("$.cards[?(@.indicator == 'critical')]").isNotEmpty());
  }

  @Test
  void auditsASuccessWithItsCardsAndTimings() throws Exception {
    var request = orderSign();
    send(request).andExpect(status().isOk());

    var audit = captureAudit();
    assertThat(audit.outcome()).isEqualTo("ok");
    assertThat(audit.hookInstance()).isEqualTo(request.get("hookInstance").asText());
    assertThat(audit.serviceId()).isEqualTo("ketamine-test-check");
    assertThat(audit.hook()).isEqualTo("order-sign");
    assertThat(audit.patientId()).isEqualTo("p1");
    assertThat(audit.client()).isEqualTo(ClientIdentity.anonymous());
    assertThat(audit.cards()).singleElement().satisfies(card -> {
      assertThat(card.ruleId()).isEqualTo("aneurysm");
      assertThat(card.suggestionUuids()).hasSize(1);
    });
    assertThat(audit.keySources()).containsKey("patient");
    assertThat(audit.timings().total()).isNotNull();
    assertThat(audit.timings().evaluate()).isNotNull();
  }

  @Test
  void auditsAFailureWithItsProblemType() throws Exception {
    given(prefetchResolver.resolve(any())).willThrow(new PrefetchUnavailableException(List.of("patient"), "down"));

    send(orderSign()).andExpect(status().isPreconditionFailed());

    assertThat(captureAudit().outcome()).isEqualTo("prefetch-unavailable");
  }

  @Test
  void auditsOnlyWellFormedIdentifiersOfARejectedRequest() throws Exception {
    send(orderSign().put("hook", "order-sign\nforged")).andExpect(status().isBadRequest());

    var audit = captureAudit();
    assertThat(audit.outcome()).isEqualTo("invalid-request");
    assertThat(audit.hook()).isNull();
    assertThat(audit.serviceId()).isEqualTo("ketamine-test-check");
  }

  @Test
  void returns400ForMalformedJson() throws Exception {
    mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content("{\"hook\": \"order-sign\",\n  \"context\": {"))
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.errors[?(@.pointer == '')].detail").value(hasItem(containsString("malformed JSON at line 2"))))
        .andExpect(jsonPath("$.hookInstance").doesNotExist());
  }

  @Test
  void returns400NamingEveryMissingField() throws Exception {
    send("{}")
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder("/hook", "/hookInstance", "/context")));
  }

  @Test
  void returns400WhenTheContextLacksThePatientOrTheDraftOrders() throws Exception {
    var request = orderSign();
    request.withObject("/context").remove("patientId");
    request.withObject("/context").put("draftOrders", "not a bundle");

    send(request)
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.hookInstance").value(request.get("hookInstance").asText()))
        .andExpect(jsonPath("$.errors[?(@.pointer == '/context/patientId')].detail").value(hasItem("is required")))
        .andExpect(jsonPath("$.errors[?(@.pointer == '/context/draftOrders')].detail")
            .value(hasItem("must be a FHIR R4 Bundle")));
  }

  @Test
  void returns400WhenADraftOrderEntryHasNoResource() throws Exception {
    var request = orderSign();
    request.withObject("/context/draftOrders").withArray("entry").addObject().putNull("resource");

    send(request)
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.errors[?(@.pointer == '/context/draftOrders')].detail")
            .value(hasItem("must be a FHIR R4 Bundle")));
  }

  /** Issue 13, item 11: draft order entries that are not resources are a 400 problem, never a 500. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"[42]", "[\"text\"]", "[[]]", "[null]", "[{\"resource\": 42}]",
      "[{\"resource\": \"MedicationRequest/1\"}]", "[{\"resource\": []}]", "[{\"resource\": {}}]",
      "[{\"resource\": {\"resourceType\": \"HumanName\"}}]", "[{\"resource\": {\"resourceType\": 7}}]",
      "[{\"resource\": {\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": 1}]}}]", "{}", "7"})
  void returns400WhenDraftOrderEntriesAreNotResources(String entries) throws Exception {
    var request = orderSign();
    request.withObject("/context/draftOrders").set("entry", HookRequests.MAPPER.readTree(entries));

    send(request)
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.errors[?(@.pointer == '/context/draftOrders')].detail")
            .value(hasItem("must be a FHIR R4 Bundle")));
  }

  /** Issue 13, item 7: every context id and string the validator reads has a length bound. */
  @Test
  void returns400ForIdsAndStringsOverTheirLengthBound() throws Exception {
    var request = orderSign().put("fhirServer", "https://ehr.example.org/" + "f".repeat(RequestLimits.MAX_URL_LENGTH));
    request.withObject("/context").put("patientId", "p".repeat(RequestLimits.MAX_ID_LENGTH + 1))
        .put("userId", "Practitioner/" + "u".repeat(RequestLimits.MAX_ID_LENGTH))
        .put("encounterId", "e".repeat(10_000_000));
    request.putObject("fhirAuthorization").put("access_token", "t".repeat(RequestLimits.MAX_TOKEN_LENGTH + 1))
        .put("token_type", "Bearer").put("scope", "s".repeat(RequestLimits.MAX_AUTHORIZATION_FIELD_LENGTH + 1));

    send(request)
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder("/fhirServer", "/context/patientId",
            "/context/userId", "/context/encounterId", "/fhirAuthorization/access_token", "/fhirAuthorization/scope")));
    then(prefetchResolver).should(never()).resolve(any());
  }

  @Test
  void returns400ForTooManyOrOversizedSelections() throws Exception {
    var request = orderSign().put("hook", "order-select");
    var selections = request.withObject("/context").putArray("selections");
    for (int i = 0; i <= RequestLimits.MAX_SELECTIONS; i++) {
      selections.add("MedicationRequest/draft-" + i);
    }
    send(request).andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder("/context/selections")));

    request.withObject("/context").putArray("selections").add("MedicationRequest/" + "x".repeat(RequestLimits.MAX_ID_LENGTH));
    send(request).andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder("/context/selections/0")));
  }

  @Test
  void acceptsIdsAtTheirLengthBound() throws Exception {
    var request = orderSign();
    request.withObject("/context").put("patientId", "p".repeat(RequestLimits.MAX_ID_LENGTH));

    send(request).andExpect(status().isOk());
  }

  @Test
  void returns400WhenFhirAuthorizationComesWithoutFhirServer() throws Exception {
    var request = orderSign();
    request.putObject("fhirAuthorization").put("access_token", "secret-token").put("token_type", "Bearer");

    send(request)
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.errors[?(@.pointer == '/fhirServer')].detail")
            .value(hasItem("is required when fhirAuthorization is present")))
        .andExpect(content().string(not(containsString("secret-token"))));
  }

  @Test
  void returns400WhenTheServiceDoesNotAnswerTheHook() throws Exception {
    var request = orderSign().put("hook", "patient-view");

    send(request)
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.hookInstance").value(request.get("hookInstance").asText()))
        .andExpect(jsonPath("$.errors[?(@.pointer == '/hook')].detail")
            .value(hasItem("service ketamine-test-check answers order-sign, order-select only")));
    then(prefetchResolver).should(never()).resolve(any());
  }

  @Test
  void returns400ForAnUnsafeHookInstanceWithoutEchoingIt() throws Exception {
    send(orderSign().put("hookInstance", "abc\ninjected log line"))
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.hookInstance").doesNotExist())
        .andExpect(jsonPath("$.errors[*].pointer").value(hasItem("/hookInstance")));
  }

  @Test
  void returns415ForAnotherContentType() throws Exception {
    mvc.perform(post(URL).contentType(MediaType.TEXT_PLAIN).content(json(orderSign())))
        .andExpectAll(problem(ProblemTypes.UNSUPPORTED_MEDIA_TYPE));
  }

  @Test
  void returns404ForAnUnknownService() throws Exception {
    var request = orderSign();
    mvc.perform(post("/cds-services/no-such-service").contentType(MediaType.APPLICATION_JSON).content(json(request)))
        .andExpectAll(problem(ProblemTypes.UNKNOWN_SERVICE))
        .andExpect(jsonPath("$.hookInstance").value(request.get("hookInstance").asText()));
  }

  @Test
  void returns403WhenTheFhirServerIsNotAllowedForTheClient() throws Exception {
    willThrow(new UntrustedFhirServerException("anonymous")).given(fhirServerPolicy).check(any(), eq(URI.create("https://evil.example.org/fhir")));

    send(orderSign().put("fhirServer", "https://evil.example.org/fhir"))
        .andExpectAll(problem(ProblemTypes.CLIENT_NOT_TRUSTED))
        .andExpect(jsonPath("$.hookInstance").exists());
    then(prefetchResolver).should(never()).resolve(any());
  }

  @Test
  void returns412NamingThePrefetchKeysThatAreUnavailable() throws Exception {
    given(prefetchResolver.resolve(any()))
        .willThrow(new PrefetchUnavailableException(List.of("conditions", "phq9"), "FHIR server answered 503"));

    send(orderSign())
        .andExpectAll(problem(ProblemTypes.PREFETCH_UNAVAILABLE))
        .andExpect(jsonPath("$.keys", containsInAnyOrder("conditions", "phq9")))
        .andExpect(jsonPath("$.hookInstance").exists());
  }

  @Test
  void returns500WithoutDetailsWhenEvaluationFails() throws Exception {
    given(cqlEvaluator.evaluate(any())).willThrow(new IllegalStateException("Jane Doe, born 1970-01-01"));
    var request = orderSign();

    send(request)
        .andExpectAll(problem(ProblemTypes.EVALUATION_FAILED))
        .andExpect(jsonPath("$.hookInstance").value(request.get("hookInstance").asText()))
        .andExpect(content().string(not(containsString("Jane"))))
        .andExpect(content().string(not(containsString("IllegalState"))));
    assertThat(captureAudit().outcome()).isEqualTo("evaluation-failed");
  }

  private ResultActions send(com.fasterxml.jackson.databind.node.ObjectNode request) throws Exception {
    return send(json(request));
  }

  private ResultActions send(String body) throws Exception {
    return mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private InvocationAudit captureAudit() {
    var audit = ArgumentCaptor.forClass(InvocationAudit.class);
    then(auditSink).should().record(audit.capture());
    return audit.getValue();
  }

  private static EvaluationResult result(Map<String, String> failures) {
    var values = new HashMap<String, Object>();
    values.put("Has Aneurysm", true);
    values.put("Aneurysm Display", "aortic aneurysm");
    values.put("Needs Screening", false);
    return new EvaluationResult(values, failures);
  }

  private static org.springframework.test.web.servlet.result.ContentResultMatchers content() {
    return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content();
  }
}
