package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketaminecds.security.ClientTokens.EC_KEY;
import static org.ketaminecds.security.SecurityFixture.client;
import static org.ketaminecds.security.SecurityFixture.jwksFile;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowListFhirServerPolicyTests {

  private static final ClientIdentity EHR = new ClientIdentity(ClientTokens.ISSUER, null, "jti-1");

  @TempDir
  Path dir;

  private TrustedClients clients;
  private FhirServerPolicy policy;

  @BeforeEach
  void trustTheEhrWithOneFhirServer() {
    clients = new TrustedClients(
        List.of(client(jwksFile(dir, ClientTokens.publicKeys(EC_KEY)), List.of(),
            List.of("https://fhir.ehr.example.org/R4", "https://fhir2.ehr.example.org:8443/"), List.of())),
        new JwkSources(Duration.ofMinutes(5), Duration.ofSeconds(30), SecurityFixture.FETCH_TIMEOUT));
    policy = new AllowListFhirServerPolicy(clients);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://fhir.ehr.example.org/R4",
      "https://fhir.ehr.example.org/R4/",
      "https://fhir.ehr.example.org/R4/tenant-a",
      "https://FHIR.ehr.example.org/R4",
      "HTTPS://fhir.ehr.example.org/R4",
      "https://fhir.ehr.example.org:443/R4",
      "https://fhir2.ehr.example.org:8443",
      "https://fhir2.ehr.example.org:8443/any/path"})
  void allowsServersUnderAnAllowedBaseUrl(String fhirServer) {
    assertThatCode(() -> policy.check(EHR, URI.create(fhirServer))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://evil.example.org/R4",
      "https://fhir.ehr.example.org.evil.example.org/R4",
      "http://fhir.ehr.example.org/R4",
      "https://fhir.ehr.example.org:8443/R4",
      "https://fhir.ehr.example.org/R4-test",
      "https://fhir.ehr.example.org/r4",
      "https://fhir.ehr.example.org/",
      "https://fhir.ehr.example.org",
      "https://fhir2.ehr.example.org/",
      "https://attacker@fhir.ehr.example.org/R4",
      "https://fhir.ehr.example.org/R4?_format=json",
      "https://fhir.ehr.example.org/R4#x",
      "https://fhir.ehr.example.org/R4/../admin",
      "https://fhir.ehr.example.org/R4/%2e%2e/admin",
      "https://fhir.ehr.example.org/R4%2F..%2Fadmin",
      "file:///etc/passwd",
      "/R4"})
  void deniesServersOffTheAllowList(String fhirServer) {
    assertThatThrownBy(() -> policy.check(EHR, URI.create(fhirServer)))
        .isInstanceOf(UntrustedFhirServerException.class)
        .hasMessageContaining(ClientTokens.ISSUER);
  }

  @Test
  void deniesEveryServerToAClientThatIsNotTrusted() {
    URI allowed = URI.create("https://fhir.ehr.example.org/R4");

    assertThatThrownBy(() -> policy.check(new ClientIdentity("https://other.example.org", null, "j"), allowed))
        .isInstanceOf(UntrustedFhirServerException.class);
    assertThatThrownBy(() -> policy.check(ClientIdentity.anonymous(), allowed))
        .isInstanceOf(UntrustedFhirServerException.class);
    assertThatThrownBy(() -> policy.check(null, allowed)).isInstanceOf(UntrustedFhirServerException.class);
  }

  @Test
  void deniesEveryServerToAClientWithoutFhirServers() {
    TrustedClients prefetchOnly = new TrustedClients(
        List.of(client(jwksFile(dir, ClientTokens.publicKeys(EC_KEY)))),
        new JwkSources(Duration.ofMinutes(5), Duration.ofSeconds(30), SecurityFixture.FETCH_TIMEOUT));

    assertThatThrownBy(() -> new AllowListFhirServerPolicy(prefetchOnly)
        .check(EHR, URI.create("https://fhir.ehr.example.org/R4")))
        .isInstanceOf(UntrustedFhirServerException.class);
  }

  @Test
  void appliesTheAllowListOfAProgrammaticClient() {
    clients.register("urn:ketamine-cds:console", ClientTokens.publicKeys(ClientTokens.EC_KEY_2),
        List.of(URI.create("http://localhost:8080/fhir")));
    ClientIdentity console = new ClientIdentity("urn:ketamine-cds:console", null, "j");

    assertThatCode(() -> policy.check(console, URI.create("http://localhost:8080/fhir/Patient")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> policy.check(console, URI.create("https://fhir.ehr.example.org/R4")))
        .isInstanceOf(UntrustedFhirServerException.class);
  }
}
