package org.ketaminecds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.prefetch.FhirFixtures.json;

import ca.uhn.fhir.parser.IParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrefetchValueTests {

  private final IParser parser = FhirFixtures.FHIR.newJsonParser();

  @ParameterizedTest
  @ValueSource(strings = {"null", " null ", ""})
  void readsJsonNullAsNoData(String json) {
    PrefetchValue value = PrefetchValue.parse(parser, json);

    assertThat(value.failed()).isFalse();
    assertThat(value.resources()).isEmpty();
  }

  @Test
  void readsAJavaNullAsNoData() {
    assertThat(PrefetchValue.parse(parser, null).failed()).isFalse();
  }

  @Test
  void failsAnOperationOutcomeInPlaceOfData() {
    assertThat(PrefetchValue.parse(parser, json("OperationOutcome-error.json")).failed()).isTrue();
  }

  @Test
  void failsSomethingThatIsNotAFhirResource() {
    assertThat(PrefetchValue.parse(parser, "{\"resourceType\":\"NoSuchThing\"}").failed()).isTrue();
    assertThat(PrefetchValue.parse(parser, "[1,2]").failed()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "true", "\"Condition/c1\""})
  void failsABundleWithAnEntryThatIsNoResource(String resource) {
    String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":" + resource + "}]}";

    assertThat(PrefetchValue.parse(parser, bundle).failed()).isTrue();
  }

  @Test
  void flattensSearchsetEntriesAndKeepsThePageWithANextLink() {
    PrefetchValue value =
        PrefetchValue.parse(parser, json("Bundle-medicationrequests-page1.json", "https://ehr.example.org/fhir"));

    assertThat(value.resources()).singleElement().extracting(r -> r.getIdElement().getIdPart()).isEqualTo("mr-sert1");
    assertThat(value.hasNextPage()).isTrue();
  }

  @Test
  void hasNoNextPageOnTheLastPage() {
    String lastPage = json("Bundle-medicationrequests-page3.json", "https://ehr.example.org/fhir");

    assertThat(PrefetchValue.parse(parser, lastPage).hasNextPage()).isFalse();
  }
}
