package org.ketaminecds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrefetchTemplatesTests {

  private final PrefetchTemplates templates = new PrefetchTemplates();

  private static final Map<String, String> CONTEXT =
      Map.of("context.patientId", "p1", "context.encounterId", "enc-7", "context.userId", "Practitioner/doc1");

  @Test
  void expandsTheContextTokens() {
    assertThat(templates.expand(
            "Encounter?patient={{context.patientId}}&_id={{context.encounterId}}&participant={{context.userId}}",
            CONTEXT))
        .contains("Encounter?patient=p1&_id=enc-7&participant=Practitioner%2Fdoc1");
  }

  @ParameterizedTest
  @CsvSource({
    "Practitioner/doc1, {{userPractitionerId}}, doc1",
    "PractitionerRole/role-9, {{userPractitionerRoleId}}, role-9",
    "Patient/p1, {{userPatientId}}, p1",
    "RelatedPerson/rp-3, {{userRelatedPersonId}}, rp-3",
    "https://ehr.example.org/fhir/Practitioner/doc1, {{userPractitionerId}}, doc1"
  })
  void derivesTheUserTokenFromTheTypeOfContextUserId(String userId, String token, String expected) {
    assertThat(templates.expand("X?u=" + token, Map.of("context.userId", userId))).contains("X?u=" + expected);
  }

  @Test
  void skipsAUserTokenOfAnotherTypeThanTheUser() {
    assertThat(templates.expand("PractitionerRole?practitioner={{userPractitionerId}}",
        Map.of("context.userId", "PractitionerRole/role-9"))).isEmpty();
  }

  @Test
  void urlEncodesTokenValues() {
    assertThat(templates.expand("Patient/{{context.patientId}}", Map.of("context.patientId", "a b&c=d/é")))
        .contains("Patient/a%20b%26c%3Dd%2F%C3%A9");
  }

  @Test
  void returnsEmptyWhenATokenHasNoValueSoTheKeyIsSkipped() {
    assertThat(templates.expand("Encounter/{{context.encounterId}}", Map.of("context.patientId", "p1"))).isEmpty();
    assertThat(templates.expand("Encounter/{{context.encounterId}}", Map.of("context.encounterId", " "))).isEmpty();
  }

  @Test
  void leavesATemplateWithoutTokensAsItIs() {
    assertThat(templates.expand("Medication?code=http://www.nlm.nih.gov/research/umls/rxnorm|6130", Map.of()))
        .contains("Medication?code=http://www.nlm.nih.gov/research/umls/rxnorm|6130");
  }

  @Test
  void acceptsEverySupportedToken() {
    String all = templates.supportedTokens().stream().map(t -> "{{" + t + "}}").reduce("X?", (a, b) -> a + b + "&");

    assertThat(templates.invalidTokens(all)).isEmpty();
    assertThat(templates.supportedTokens()).hasSize(7);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "Patient/{{Patient.id}}|{{Patient.id}}",
    "Patient/{{ context.patientId }}|{{ context.patientId }}",
    "Patient/{{context.patientID}}|{{context.patientID}}",
    "MedicationRequest?_id={{context.draftOrders.MedicationRequest.id}}|{{context.draftOrders.MedicationRequest.id}}",
    "Patient/{{context.patientId|{{context.patientId",
    "Patient/{context.patientId}|{context.patientId}",
    "Patient/context.patientId}}|}}",
    "Observation?date=gt{{today() - 90 days}}|{{today() - 90 days}}"
  })
  void reportsUnknownAndMalformedTokensAsWritten(String template, String reported) {
    assertThat(templates.invalidTokens(template)).containsExactly(reported);
  }

  @Test
  void reportsEveryBadTokenOfATemplate() {
    assertThat(templates.invalidTokens("Condition?patient={{patientId}}&encounter={{context.encounterId}}&x={{y}}"))
        .containsExactly("{{patientId}}", "{{y}}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Patient/{{Patient.id}}", "Patient/{{context.patientId"})
  void refusesToExpandATemplateWithBadTokens(String template) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> templates.expand(template, Map.of("context.patientId", "p1")));
  }
}
