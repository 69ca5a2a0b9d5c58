package org.ketaminecds.reload;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.ketaminecds.cql.CqlContent;
import org.ketaminecds.definition.InvalidServiceDefinitionException;
import org.ketaminecds.definition.ServiceDefinitionLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Loads and validates the whole content set again, exactly as start-up does (CQL translation and checks, value
 * sets, site parameters, service definitions against that CQL), warms the new evaluator, then swaps it in. Invalid
 * content is never swapped in: the last good version keeps serving and the attempt records every error. One reload
 * at a time.
 */
public final class ContentReloader {

  private static final Logger log = LoggerFactory.getLogger(ContentReloader.class);

  private final LiveContent live;
  private final CqlContent.Loader cqlLoader;
  private final String hooksLocation;
  private final ResourcePatternResolver resources;
  private final FhirContext fhirContext;
  private final ObjectMapper hookMapper;
  private final Clock clock;
  private final AtomicReference<ReloadAttempt> last = new AtomicReference<>();

  ContentReloader(LiveContent live, CqlContent.Loader cqlLoader, String hooksLocation, ResourcePatternResolver resources,
      FhirContext fhirContext, ObjectMapper hookMapper, Clock clock) {
    this.live = live;
    this.cqlLoader = cqlLoader;
    this.hooksLocation = hooksLocation;
    this.resources = resources;
    this.fhirContext = fhirContext;
    this.hookMapper = hookMapper;
    this.clock = clock;
  }

  /** Loads, validates and (when valid) swaps; returns what happened. */
  public synchronized ReloadAttempt reload(String trigger) {
    long started = System.nanoTime();
    long version = live.current().version();
    ReloadAttempt attempt;
    try {
      var cql = cqlLoader.load();
      var services = new ServiceDefinitionLoader(hooksLocation, resources, cql.catalog(), fhirContext, hookMapper)
          .load();
      cql.warmUp();
      var next = new ContentSet(version + 1, clock.instant(), services, cql.catalog(), cql.evaluator());
      live.swap(next);
      attempt = new ReloadAttempt(clock.instant(), trigger, true, next.version(), List.of());
      log.info("Content reloaded ({}): version {} serves {} service(s) in {} ms", trigger, next.version(),
          services.all().size(), (System.nanoTime() - started) / 1_000_000);
    } catch (CqlContent.InvalidCqlContentException e) {
      attempt = failed(trigger, version, prefixed(cqlLoader.location(), e.problems()));
    } catch (InvalidServiceDefinitionException e) {
      attempt = failed(trigger, version, prefixed(hooksLocation, e.errors()));
    } catch (RuntimeException e) {
      // e.g. a folder that cannot be read; content errors never carry patient data
      attempt = failed(trigger, version, List.of(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    last.set(attempt);
    return attempt;
  }

  /** The last reload, empty before the first. */
  public Optional<ReloadAttempt> lastAttempt() {
    return Optional.ofNullable(last.get());
  }

  private ReloadAttempt failed(String trigger, long version, List<String> errors) {
    log.error("Content reload ({}) rejected, still serving version {}: {} problem(s):\n  {}", trigger, version,
        errors.size(), String.join("\n  ", errors));
    return new ReloadAttempt(clock.instant(), trigger, false, version, errors);
  }

  /** {@code file:line:column: message} with the file under its folder, as a site sees it. */
  private static List<String> prefixed(String location, List<String> problems) {
    var folder = location.replaceFirst("^(file|classpath):", "");
    var base = folder.endsWith("/") ? folder : folder + "/";
    return problems.stream().map(p -> isFile(p) ? base + p : p).toList();
  }

  /** Whether a problem starts with a content file name (rather than, say, a configuration key). */
  private static boolean isFile(String problem) {
    int colon = problem.indexOf(':');
    var head = colon < 0 ? "" : problem.substring(0, colon);
    return head.endsWith(".cql") || head.endsWith(".json");
  }
}
