package org.ketaminecds.prefetch;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.prefetch.FetchingPrefetchResolverTests.ids;
import static org.ketaminecds.prefetch.FhirFixtures.json;
import static org.ketaminecds.prefetch.TestResolver.access;
import static org.ketaminecds.prefetch.TestResolver.request;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.ketaminecds.relevance.DataNeeds;
import org.ketaminecds.relevance.Need;
import org.ketaminecds.relevance.RecordTest;
import org.junit.jupiter.api.Test;

/**
 * Resolving without the FHIR server (a service gate's first step): never a call to the server, and no answer at all
 * when the ordinary resolution would have fetched anything, so that what comes back is exactly what it would return.
 */
class ResolveWithoutServerTests extends StubbedEhrResolverTests {


  private static final Map<String, String> CHART = Map.of(
      "patient", "Patient/{{context.patientId}}",
      "conditions", "Condition?patient={{context.patientId}}");
  private static final Map<String, String> ORDERS =
      Map.of("medications", "MedicationRequest?patient={{context.patientId}}&_include=MedicationRequest:medication");


  @Test
  void answersWhatTheOrdinaryResolutionReturnsWhenEveryKeyCameWithTheRequest() {
    var given = Map.of("patient", json("Patient-p1.json"), "conditions", json("Bundle-conditions-p1.json"));

    var offline = resolver.resolveWithoutServer(request(CHART, given, access(fhirBase())));

    assertThat(offline).isPresent();
    assertThat(ids(offline.get().resources()))
        .containsExactlyInAnyOrderElementsOf(ids(resolver.resolve(request(CHART, given, access(fhirBase()))).resources()));
    ehr.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void hasNoAnswerWhenAKeyWouldBeFetched() {
    var given = Map.of("patient", json("Patient-p1.json"));

    assertThat(resolver.resolveWithoutServer(request(CHART, given, access(fhirBase())))).isEmpty();
    ehr.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void leavesUnfetchedAKeyWhoseRecordsTheDefinesReadAsDraftsOnly() {
    // a service gate on "a ketamine product among the draft orders": the orders being placed are the context's, and
    // drafts from the server are left out, so the orders key has nothing the gate can read
    var draftsOnly = DataNeeds.of(List.of(Need.all("MedicationRequest")
        .withTest(new RecordTest.OneOf("status", Set.of("draft")))));
    MedicationRequest beingSigned = new MedicationRequest();
    beingSigned.setId("draft-now");
    beingSigned.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
    var offline = resolver.resolveWithoutServer(
        request(ORDERS, Map.of(), access(fhirBase()), List.of(beingSigned), draftsOnly));

    assertThat(offline).isPresent();
    assertThat(ids(offline.get().resources())).containsExactly("MedicationRequest/draft-now");
    ehr.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void hasNoAnswerWhenAnOrdersMedicationIsOnlyOnTheServer() {
    // an order given only as medicationReference to a Medication the prefetch does not hold: the ordinary resolution
    // reads it from the server (MedicationReferenceResolutionTests); without it the order would have no code
    var given = Map.of("medications", json("Bundle-medicationrequests-reference.json"));

    assertThat(resolver.resolveWithoutServer(request(ORDERS, given, access(fhirBase())))).isEmpty();
    ehr.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void answersForARequestWithoutAServerAsTheOrdinaryResolutionDoes() {
    // no fhirServer: the ordinary resolution cannot read the Medication either, so both leave the reference as it is
    var given = Map.of("medications", json("Bundle-medicationrequests-reference.json"));

    var offline = resolver.resolveWithoutServer(request(ORDERS, given, null));

    assertThat(offline).isPresent();
    assertThat(ids(offline.get().resources()))
        .containsExactlyInAnyOrderElementsOf(ids(resolver.resolve(request(ORDERS, given, null)).resources()));
  }

  @Test
  void hasNoAnswerWhereTheOrdinaryResolutionFailsWithoutAServer() {
    var given = Map.of("patient", json("Patient-p1.json"));

    assertThat(resolver.resolveWithoutServer(request(CHART, given, null))).isEmpty();
  }
}
