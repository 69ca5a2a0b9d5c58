package org.ketaminecds.bench;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.KetamineCdsApplication;
import org.ketaminecds.cards.CardRenderer;
import org.ketaminecds.config.JacksonConfig;
import org.ketaminecds.cql.CqlEvaluator;
import org.ketaminecds.cql.EvaluationRequest;
import org.ketaminecds.definition.ServiceCatalog;
import org.ketaminecds.definition.ServiceDefinition;
import org.ketaminecds.prefetch.PrefetchRequest;
import org.ketaminecds.prefetch.PrefetchResolver;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The application's own beans in this JVM, without the web server, for measuring the pipeline steps one by one:
 * prefetch JSON to resources (the resolver), CQL evaluation, card rendering. Test classes are kept out of the
 * component scan (they hold test configurations).
 */
final class BenchContext implements AutoCloseable {

  private static final ObjectMapper HOOK_JSON = new JacksonConfig().hookObjectMapper();

  final ConfigurableApplicationContext context;
  final CqlEvaluator evaluator;
  final CardRenderer renderer;
  final PrefetchResolver resolver;
  final ServiceCatalog catalog;
  final PatientGenerator generator = new PatientGenerator(ClinicalCodes.load(), LocalDate.now());
  final BenchRequests requests = new BenchRequests(FhirContext.forR4Cached(), Path.of("cds-hooks"), LocalDate.now());

  BenchContext() {
    context = new SpringApplicationBuilder(KetamineCdsApplication.class)
        .web(WebApplicationType.NONE)
        .initializers(c -> c.getBeanFactory().registerSingleton("benchMainClassesOnly", new MainClassesOnly()))
        .properties("cds.security.enabled=false", "spring.main.banner-mode=off", "logging.level.root=WARN",
            "spring.profiles.active=prod", "cds.storage.data-dir=" + Path.of("target", "bench", "jmh-data").toAbsolutePath(),
            "cds.audit.patient-hash-secret=bench-only-secret-" + java.util.UUID.randomUUID())
        .run();
    evaluator = context.getBean(CqlEvaluator.class);
    renderer = context.getBean(CardRenderer.class);
    resolver = context.getBean(PrefetchResolver.class);
    catalog = context.getBean(ServiceCatalog.class);
  }

  /** The resolver's input for one patient's full order-sign prefetch, as the invoker builds it. */
  PrefetchRequest prefetchRequest(String serviceId, SyntheticPatient patient) {
    var service = catalog.require(serviceId);
    var parser = FhirContext.forR4Cached().newJsonParser();
    Map<String, JsonNode> given = new LinkedHashMap<>();
    patient.prefetch(service.prefetch()).forEach((key, value) ->
        given.put(key, value == null ? null : tree(parser.encodeResourceToString(value))));
    List<Resource> drafts = serviceId.equals(BenchRequests.ORDER_SERVICE)
        ? requests.draftOrders(patient.id()).getEntry().stream().map(e -> e.getResource()).toList()
        : List.of();
    return new PrefetchRequest(service.prefetch(), Map.of("context.patientId", patient.id()), given, null, drafts);
  }

  /** The evaluator's input, exactly as the invoker builds it. */
  EvaluationRequest evaluationRequest(String serviceId, SyntheticPatient patient) {
    ServiceDefinition service = catalog.require(serviceId);
    var data = resolver.resolve(prefetchRequest(serviceId, patient));
    return new EvaluationRequest(service.library().id(), patient.id(), data.resources(), service.firstExpressions(),
        Map.of(), ZonedDateTime.now(), service.expressionsWhenMet());
  }

  @Override
  public void close() {
    context.close();
  }

  /** Keeps classes compiled from src/test out of the application's component scan. */
  static final class MainClassesOnly extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      return reader.getResource().getURL().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof MainClassesOnly;
    }

    @Override
    public int hashCode() {
      return MainClassesOnly.class.hashCode();
    }
  }

  /** A prefetch value as the hook reader holds it: the JSON tree of the request body. */
  private static JsonNode tree(String json) {
    try {
      return HOOK_JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
