package org.ketaminecds.prefetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.config.JacksonConfig;
import org.ketaminecds.relevance.DataNeeds;

/** The real resolver wired by hand (no Spring), with the pool closed after each test. */
final class TestResolver implements AutoCloseable {

  private static final ObjectMapper HOOK_JSON = new JacksonConfig().hookObjectMapper();

  static final String TOKEN = "eyJhbGciOiJSUzM4NCJ9.fake-access-token_for.tests";
  static final Map<String, String> TOKENS =
      Map.of("context.patientId", "p1", "context.userId", "Practitioner/doc1");

  private final ParallelFetcher fetcher;
  private final FetchingPrefetchResolver resolver;

  TestResolver(FhirClientProperties properties) {
    fetcher = new ParallelFetcher(properties);
    resolver =
        new FetchingPrefetchResolver(
            FhirFixtures.FHIR,
            new PrefetchTemplates(),
            new FhirGateway(FhirFixtures.FHIR, properties),
            fetcher,
            properties);
  }

  /**
   * Generous timeouts: the build host is shared and slow, and these tests are not about time (the
   * first fetch of a JVM also pays HAPI's model scanning).
   */
  static TestResolver withDefaults() {
    return with(Duration.ofSeconds(15), Duration.ofSeconds(30), 10);
  }

  static TestResolver with(Duration readTimeout, Duration deadline, int maxPages) {
    return new TestResolver(new FhirClientProperties(Duration.ofSeconds(5), readTimeout, deadline, maxPages, 4, 200));
  }

  PatientData resolve(PrefetchRequest request) {
    return resolver.resolve(request);
  }

  java.util.Optional<PatientData> resolveWithoutServer(PrefetchRequest request) {
    return resolver.resolveWithoutServer(request);
  }

  static FhirAccess access(String fhirBase) {
    return new FhirAccess(URI.create(fhirBase), TOKEN);
  }

  /**
   * {@code given} maps keys to JSON text as a client sends it, parsed here as the hook reader parses a body; a key
   * may map to null ("no data"), so it is copied into a HashMap.
   */
  static PrefetchRequest request(
      Map<String, String> templates, Map<String, String> given, FhirAccess access, List<Resource> drafts) {
    return request(templates, given, access, drafts, DataNeeds.everything());
  }

  /** The same for the records {@code needs} says the defines read (a service gate's, say). */
  static PrefetchRequest request(Map<String, String> templates, Map<String, String> given, FhirAccess access,
      List<Resource> drafts, DataNeeds needs) {
    var trees = new HashMap<String, JsonNode>();
    given.forEach((key, json) -> trees.put(key, json == null ? null : tree(json)));
    return new PrefetchRequest(templates, TOKENS, trees, access, drafts, needs);
  }

  /** JSON text as the hook-JSON mapper reads it from a request body. */
  static JsonNode tree(String json) {
    try {
      return HOOK_JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("test JSON does not parse", e);
    }
  }

  static PrefetchRequest request(Map<String, String> templates, Map<String, String> given, FhirAccess access) {
    return request(templates, given, access, List.of());
  }

  @Override
  public void close() {
    fetcher.close();
  }
}
