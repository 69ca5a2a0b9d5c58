package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HookRequestTests {

  @Test
  void neverPrintsTheAccessTokenOrPatientData() throws Exception {
    var json = HookRequests.orderSign().put("fhirServer", "https://ehr.example.org/fhir");
    json.putObject("fhirAuthorization").put("access_token", "secret-token").put("token_type", "Bearer")
        .put("subject", "ketamine-cds");
    var request = HookRequests.MAPPER.treeToValue(json, HookRequest.class);

    assertThat(request.fhirAuthorization().accessToken()).isEqualTo("secret-token");
    assertThat(request.toString()).doesNotContain("secret-token").doesNotContain("p1").contains("order-sign");
    assertThat(request.fhirAuthorization().toString()).doesNotContain("secret-token").contains("ketamine-cds");
  }

  @Test
  void keepsAPrefetchKeyWhoseValueIsNull() throws Exception {
    var request = HookRequests.MAPPER.treeToValue(HookRequests.orderSign(), HookRequest.class);

    assertThat(request.prefetch()).containsKey("conditions");
    assertThat(request.prefetch().get("conditions").isNull()).isTrue();
  }

  @Test
  void derivesTheUserTokenFromTheTypeOfUserId() {
    assertThat(new PatientViewContext("PractitionerRole/r1", "p1", "e1").prefetchTokens())
        .containsEntry("userPractitionerRoleId", "r1").containsEntry("context.encounterId", "e1")
        .doesNotContainKey("userPractitionerId");
    assertThat(new PatientViewContext("Patient/p1", "p1", null).prefetchTokens())
        .containsEntry("userPatientId", "p1").doesNotContainKey("context.encounterId");
    assertThat(new PatientViewContext("RelatedPerson/rp", "p1", null).prefetchTokens())
        .containsEntry("userRelatedPersonId", "rp");
    assertThat(new PatientViewContext(null, "p1", null).prefetchTokens())
        .containsOnlyKeys("context.patientId");
  }
}
