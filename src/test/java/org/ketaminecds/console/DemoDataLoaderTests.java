package org.ketaminecds.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up checks of the demo data, over a temporary copy-like folder. */
class DemoDataLoaderTests {

  private static final String PATIENT = """
      {"resourceType":"Bundle","type":"collection","entry":[
        {"resource":{"resourceType":"Patient","id":"%s","name":[{"given":["Ada"],"family":"Demo"}],
          "gender":"female","birthDate":"${today-40y}"}},
        {"resource":{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/%s"},
          "onsetDateTime":"${today-60d}","code":{"text":"MDD"}}}]}
      """;
  private static final String PRODUCTS = """
      {"products":[{"id":"esk","label":"Esketamine","medicationRequest":{"medicationCodeableConcept":
        {"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"2201623"}]}}}]}
      """;

  @TempDir
  Path dir;

  @BeforeEach
  void validFolder() throws IOException {
    Files.createDirectories(dir.resolve("patients"));
    write("patients.json", "{\"patients\":[{\"id\":\"p1\",\"scenario\":\"TRD met\"}]}");
    write("patients/p1.json", PATIENT.formatted("p1", "p1"));
    write("products.json", PRODUCTS);
  }

  @Test
  void readsPatientsWithAgeFromTheRelativeBirthDate() {
    assertThat(loader().patients()).singleElement().satisfies(patient -> {
      assertThat(patient.summary()).isEqualTo(new PatientSummary("p1", "Ada Demo", "female", 40, "TRD met"));
      assertThat(patient.bundleTemplate()).contains("${today-60d}");
    });
  }

  @Test
  void readsProductsAsMedicationRequestTemplates() {
    assertThat(loader().products()).singleElement().satisfies(product -> {
      assertThat(product.summary()).isEqualTo(new ProductSummary("esk", "Esketamine"));
      assertThat(product.template().getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("2201623");
    });
  }

  @Test
  void failsNamingTheFileWhenThePatientIdIsNotTheFileName() throws IOException {
    write("patients/p1.json", PATIENT.formatted("someone-else", "p1"));
    assertThatThrownBy(() -> loader().patients()).isInstanceOf(DemoDataException.class)
        .hasMessageContaining("patients/p1.json").hasMessageContaining("exactly one Patient");
  }

  @Test
  void failsWhenABundleIsMissingFromTheIndex() throws IOException {
    write("patients/p2.json", PATIENT.formatted("p2", "p2"));
    assertThatThrownBy(() -> loader().patients()).isInstanceOf(DemoDataException.class)
        .hasMessageContaining("patients.json").hasMessageContaining("p2.json");
  }

  @Test
  void failsWhenTheIndexNamesAMissingBundle() throws IOException {
    write("patients.json", "{\"patients\":[{\"id\":\"p1\"},{\"id\":\"p9\"}]}");
    assertThatThrownBy(() -> loader().patients()).isInstanceOf(DemoDataException.class)
        .hasMessageContaining("patients/p9.json");
  }

  @Test
  void failsNamingTheFileForInvalidFhir() throws IOException {
    write("patients/p1.json", PATIENT.formatted("p1", "p1").replace("\"gender\":\"female\"", "\"gender\":\"woman\""));
    assertThatThrownBy(() -> loader().patients()).isInstanceOf(DemoDataException.class)
        .hasMessageContaining("patients/p1.json").hasMessageContaining("not a valid FHIR R4 Bundle");
  }

  @Test
  void failsNamingTheFileForAnUnknownDateToken() throws IOException {
    write("patients/p1.json", PATIENT.formatted("p1", "p1").replace("${today-60d}", "${today - 3 days}"));
    assertThatThrownBy(() -> loader().patients()).isInstanceOf(DemoDataException.class)
        .hasMessageContaining("patients/p1.json").hasMessageContaining("${today - 3 days}");
  }

  @Test
  void failsWhenAProductHasNoCodedMedication() throws IOException {
    write("products.json", "{\"products\":[{\"id\":\"x\",\"medicationRequest\":{\"status\":\"draft\"}}]}");
    assertThatThrownBy(() -> loader().products()).isInstanceOf(DemoDataException.class)
        .hasMessageContaining("products.json, product 'x'").hasMessageContaining("medicationCodeableConcept");
  }

  private DemoDataLoader loader() {
    return ConsoleFixtures.loader(dir.toUri().toString());
  }

  private void write(String file, String content) throws IOException {
    Files.writeString(dir.resolve(file), content);
  }
}
