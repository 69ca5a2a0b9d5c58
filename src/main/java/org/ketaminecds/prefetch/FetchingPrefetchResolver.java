package org.ketaminecds.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.codes.ParsedBundleReferences;
import org.ketaminecds.prefetch.PatientData.KeySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Uses what the client prefetched and fetches the rest from its FHIR server (CDS Hooks 2.0 §
 * prefetch): a key sent as JSON null is "no data"; a key missing, unreadable or sent as an
 * OperationOutcome is fetched; a paged prefetch Bundle is continued from the server. All fetching
 * runs in parallel within one deadline ({@code cds.fhir.deadline}); any key that cannot be obtained
 * fails the whole request with {@link PrefetchUnavailableException} (HTTP 412).
 */
@Component
class FetchingPrefetchResolver implements PrefetchResolver {

  private static final Logger log = LoggerFactory.getLogger(FetchingPrefetchResolver.class);

  private final FhirContext fhirContext;
  private final PrefetchTemplates templates;
  private final FhirGateway gateway;
  private final ParallelFetcher fetcher;
  private final Duration deadline;
  private final MedicationReferences medicationReferences = new MedicationReferences();
  private final OrderEncounters orderEncounters = new OrderEncounters();

  FetchingPrefetchResolver(
      FhirContext fhirContext,
      PrefetchTemplates templates,
      FhirGateway gateway,
      ParallelFetcher fetcher,
      FhirClientProperties properties) {
    this.fhirContext = fhirContext;
    this.templates = templates;
    this.gateway = gateway;
    this.fetcher = fetcher;
    this.deadline = properties.deadline();
  }

  @Override
  public PatientData resolve(PrefetchRequest request) {
    Deadline until = Deadline.after(deadline);
    FhirAccess access = request.access();
    if (access == null || access.fhirServer() == null) {
      return resolve(request, null, until);
    }
    // closing aborts what still runs past the deadline (an EHR that trickles its answer), freeing the workers
    try (FhirGateway.Session session = gateway.open(access)) {
      return resolve(request, session, until);
    }
  }

  @Override
  public Optional<PatientData> resolveWithoutServer(PrefetchRequest request) {
    try {
      return Optional.of(resolve(request, null, Deadline.after(deadline), serverBase(request)));
    } catch (ServerNeeded | PrefetchUnavailableException e) {
      return Optional.empty();
    }
  }

  /** The data would need a call to the FHIR server (thrown only when resolving without one). */
  private static final class ServerNeeded extends RuntimeException {
    ServerNeeded() {
      super(null, null, false, false);
    }
  }

  private static String serverBase(PrefetchRequest request) {
    FhirAccess access = request.access();
    return access == null || access.fhirServer() == null ? null : FhirGateway.base(access);
  }

  private PatientData resolve(PrefetchRequest request, FhirGateway.Session session, Deadline until) {
    return resolve(request, session, until, null);
  }

  /**
   * {@code offlineBase}: resolving without the server (session null) for a request whose server has this base, or null
   * for the ordinary resolution; then anything that would be fetched throws {@link ServerNeeded}.
   */
  private PatientData resolve(PrefetchRequest request, FhirGateway.Session session, Deadline until,
      String offlineBase) {
    boolean offline = offlineBase != null;
    IParser parser = fhirContext.newJsonParser();
    Map<String, JsonNode> given = request.given() == null ? Map.of() : request.given();
    Map<String, PrefetchValue> values = new TreeMap<>();
    Map<String, KeySource> sources = new TreeMap<>();
    Map<String, Callable<PrefetchValue>> work = new TreeMap<>();
    Map<String, String> failures = new TreeMap<>();

    Map<String, String> keyTemplates = request.templates() == null ? Map.of() : request.templates();
    Set<String> optional = request.optionalKeys();
    PrefetchJsonFilter relevant = jsonFilter(request);
    for (Map.Entry<String, String> template : new TreeMap<>(keyTemplates).entrySet()) {
      String key = template.getKey();
      if (given.containsKey(key)) {
        PrefetchValue value = PrefetchValue.parse(parser, relevant.apply(given.get(key)));
        if (!value.failed()) {
          sources.put(key, KeySource.PREFETCHED);
          if (!value.hasNextPage()) {
            values.put(key, value);
          } else if (offline) {
            throw new ServerNeeded();
          } else if (session == null) {
            failures.put(key, "paged prefetch and no fhirServer to read the next pages from");
          } else {
            work.put(key, () -> value.plus(session.laterPages(value.pageWithNext(), 1, until, key)));
          }
          continue;
        }
        log.debug("Prefetch key '{}' came as {}: fetching it", key, value.failure());
      }
      Optional<String> url = templates.expand(template.getValue(), request.tokens());
      if (url.isEmpty()) {
        log.debug("Prefetch key '{}' skipped: a token it uses has no value in this request", key);
      } else if (offline) {
        if (!UnreadKeys.unread(template.getValue(), request.needs())) {
          throw new ServerNeeded();
        }
        log.debug("Prefetch key '{}' not fetched: nothing the defines asked for can come from it", key);
      } else if (session == null) {
        failures.put(key, "not prefetched and no fhirServer in the request");
      } else {
        sources.put(key, KeySource.FETCHED);
        work.put(key, () -> session.fetch(url.get(), until, key));
      }
    }
    dropOptional(failures, optional);
    if (!failures.isEmpty()) {
      throw unavailable(failures);
    }

    long started = System.nanoTime();
    fetcher.runAll(work, until).forEach((key, outcome) -> {
      if (outcome.failed()) {
        failures.put(key, outcome.failure());
      } else {
        values.put(key, outcome.value());
      }
    });
    dropOptional(failures, optional);
    if (!failures.isEmpty()) {
      throw unavailable(failures);
    }

    Set<String> truncated = new TreeSet<>();
    values.forEach((key, value) -> {
      if (value.truncated()) {
        truncated.add(key);
      }
    });
    AssembledResources resources = new AssembledResources();
    List<Resource> read = new ArrayList<>();
    values.values().forEach(value -> read.addAll(value.resources()));
    if (!work.isEmpty()) { // what the server returned; the prefetch was read so with the request's JSON
      ParsedBundleReferences.normalize(read); // urn:uuid ids and references as Type/id
    }
    read.forEach(resources::add);
    for (Resource draft : request.draftResources() == null ? List.<Resource>of() : request.draftResources()) {
      resources.addDraft(medicationReferences.hasReference(draft) ? draft.copy() : draft);
    }
    if (offline && (!medicationReferences.missing(resources.all(), resources::medication, offlineBase).isEmpty()
        || !orderEncounters.toRead(resources, request.draftResources(), request.needs(), offlineBase).isEmpty())) {
      throw new ServerNeeded();
    }
    resolveMedications(resources, session, until);
    orderEncounters.readMissing(resources, request.draftResources(), request.needs(), session, fetcher, until);
    int calls = session == null ? 0 : session.calls();
    Duration elapsed = calls == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
    log.debug("Prefetch: {} keys given, {} fetched, {} FHIR calls in {} ms",
        sources.values().stream().filter(KeySource.PREFETCHED::equals).count(),
        sources.values().stream().filter(KeySource.FETCHED::equals).count(), calls, elapsed.toMillis());
    return new PatientData(resources.all(), sources, calls, elapsed, truncated);
  }

  private static PrefetchJsonFilter jsonFilter(PrefetchRequest request) {
    Set<String> drafts = new HashSet<>();
    if (request.draftResources() != null) {
      request.draftResources().forEach(r -> drafts.add(r.fhirType() + "/" + r.getIdElement().getIdPart()));
    }
    String patientId = request.tokens() == null ? null : request.tokens().get("context.patientId");
    return new PrefetchJsonFilter(request.needs(), patientId, drafts);
  }

  /** Resolves medicationReference; Medications that cannot be fetched leave their reference as-is. */
  private void resolveMedications(AssembledResources resources, FhirGateway.Session session, Deadline until) {
    String base = session == null ? null : session.base();
    Set<String> missing = session == null
        ? Set.of()
        : medicationReferences.missing(resources.all(), resources::medication, base);
    if (!missing.isEmpty()) {
      Map<String, Callable<Optional<Medication>>> reads = new LinkedHashMap<>();
      missing.forEach(id -> reads.put(id, () -> session.medication(id, until)));
      Map<String, ParallelFetcher.Outcome<Optional<Medication>>> outcomes = fetcher.runAll(reads, until);
      outcomes.values().forEach(outcome -> {
        if (!outcome.failed()) {
          outcome.value().ifPresent(resources::add);
        }
      });
      long unresolved = outcomes.values().stream().filter(o -> o.failed() || o.value().isEmpty()).count();
      if (unresolved > 0) {
        log.info("{} referenced Medication(s) could not be fetched; those orders have no medication code",
            unresolved);
      }
    }
    for (Resource resource : resources.all()) {
      medicationReferences.resolve(resource, resources::medication, base);
    }
  }

  /** The rules can do without an optional key: its failure is logged, not raised. */
  private static void dropOptional(Map<String, String> failures, Set<String> optional) {
    failures.keySet().removeIf(key -> {
      if (optional.contains(key)) {
        // the key is the service definition's, the reason one of the fixed phrases above (never a URL or payload)
        log.info("Optional prefetch key '{}' unavailable, going on without it: {}", key, failures.get(key));
        return true;
      }
      return false;
    });
  }

  private static PrefetchUnavailableException unavailable(Map<String, String> failures) {
    String reason = failures.entrySet().stream()
        .map(failure -> failure.getKey() + ": " + failure.getValue())
        .collect(Collectors.joining("; "));
    log.info("Prefetch unavailable: {}", reason);
    return new PrefetchUnavailableException(List.copyOf(failures.keySet()), reason);
  }
}
