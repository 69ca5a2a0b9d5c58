package org.ketaminecds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.prefetch.FhirFixtures.json;

import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrefetchValueTests {

  private final IParser parser = FhirFixtures.FHIR.newJsonParser();

  @ParameterizedTest
  @ValueSource(strings = {"null", " null "})
  void readsJsonNullAsNoData(String json) {
    PrefetchValue value = parse(json);

    assertThat(value.failed()).isFalse();
    assertThat(value.resources()).isEmpty();
  }

  @Test
  void readsAJavaNullAsNoData() {
    assertThat(PrefetchValue.parse(parser, null).failed()).isFalse();
    assertThat(PrefetchValue.parse(parser, null).resources()).isEmpty();
  }

  @Test
  void failsAnOperationOutcomeInPlaceOfData() {
    assertThat(parse(json("OperationOutcome-error.json")).failed()).isTrue();
  }

  @Test
  void failsSomethingThatIsNotAFhirResource() {
    assertThat(parse("{\"resourceType\":\"NoSuchThing\"}").failed()).isTrue();
    assertThat(parse("[1,2]").failed()).isTrue();
    assertThat(parse("5").failed()).isTrue();
  }

  @Test
  void keepsDecimalsExactlyAsSent() {
    var observation = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"dose\"},"
        + "\"valueQuantity\":{\"value\":0.10,\"unit\":\"mg\"}}";

    var value = (Observation) parse(observation).resources().get(0);

    assertThat(value.getValueQuantity().getValueElement().getValueAsString()).isEqualTo("0.10");
    assertThat(value.getValueQuantity().getValue()).isEqualByComparingTo("0.1").hasScaleOf(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "true", "\"Condition/c1\""})
  void failsABundleWithAnEntryThatIsNoResource(String resource) {
    String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":" + resource + "}]}";

    assertThat(parse(bundle).failed()).isTrue();
  }

  @Test
  void flattensSearchsetEntriesAndKeepsThePageWithANextLink() {
    PrefetchValue value =
        parse(json("Bundle-medicationrequests-page1.json", "https://ehr.example.org/fhir"));

    assertThat(value.resources()).singleElement().extracting(r -> r.getIdElement().getIdPart()).isEqualTo("mr-sert1");
    assertThat(value.hasNextPage()).isTrue();
  }

  @Test
  void hasNoNextPageOnTheLastPage() {
    String lastPage = json("Bundle-medicationrequests-page3.json", "https://ehr.example.org/fhir");

    assertThat(parse(lastPage).hasNextPage()).isFalse();
  }

  /** As the resolver reads it: from the tree the hook reader parsed the request body into. */
  private PrefetchValue parse(String json) {
    return PrefetchValue.parse(parser, TestResolver.tree(json));
  }
}
