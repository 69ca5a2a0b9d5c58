package org.ketaminecds.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ketaminecds.config.JacksonConfig;
import org.ketaminecds.contenttest.ExampleCase;

/**
 * The real content's example cases ({@code cds-hooks/examples/}) as hook requests for the full-stack tests:
 * realistic patients, dates rolled to today, a fresh hookInstance on every copy.
 */
public final class ContentExamples {

  public static final Path CONTENT = Path.of("cds-hooks");
  public static final String ORDER_CHECK = "ketamine-order-check";
  public static final String CHART_REVIEW = "depression-chart-review";

  private static final ObjectMapper MAPPER = new JacksonConfig().hookObjectMapper();

  /** One case: its service, its name and the request to send. */
  public record Example(String service, String name, ObjectNode request) {

    /** A fresh copy of the request with a new hookInstance. */
    public ObjectNode freshRequest() {
      return request.deepCopy().put("hookInstance", UUID.randomUUID().toString());
    }
  }

  private ContentExamples() {}

  /** Every example case of the content, sorted by service and name. */
  public static List<Example> all() {
    try (var files = Files.walk(CONTENT.resolve("examples"), 2)) {
      var now = ZonedDateTime.now();
      return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> read(f, now)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request of {@code cds-hooks/examples/<service>/<name>.json}, dates rolled, with a new hookInstance. */
  public static ObjectNode request(String service, String name) {
    return read(CONTENT.resolve("examples").resolve(service).resolve(name + ".json"), ZonedDateTime.now())
        .freshRequest();
  }

  /**
   * The request with a datum the engine refuses: a blood pressure dated 0001-01-01T00:00:00Z (the "no date" placeholder
   * of .NET interfaces, DateTime.MinValue), whose pairing window ("Taken Within": the latest time minus the window)
   * falls before year 1, so the blood pressure rules throw (InvalidDateTime) and the monitoring card's lines with them.
   * Each prefetched blood pressure gets that date; without a {@code bloodPressure} prefetch key (a service that does
   * not take blood pressures, whose request then carries a key it drops unread) one such observation is added.
   */
  public static ObjectNode withBloodPressureDatedYearOne(ObjectNode request) {
    var prefetch = (ObjectNode) request.path("prefetch");
    if (!prefetch.path("bloodPressure").isObject()) {
      var bundle = prefetch.putObject("bloodPressure").put("resourceType", "Bundle").put("type", "searchset");
      var observation = bundle.putArray("entry").addObject().putObject("resource")
          .put("resourceType", "Observation").put("id", "bp-year-one").put("status", "final");
      observation.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org")
          .put("code", "85354-9");
      var systolic = observation.putArray("component").addObject();
      systolic.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", "8480-6");
      systolic.putObject("valueQuantity").put("value", 122).put("unit", "mmHg")
          .put("system", "http://unitsofmeasure.org").put("code", "mm[Hg]");
    }
    var entries = prefetch.path("bloodPressure").path("entry");
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("the request's blood pressure bundle has no entry");
    }
    entries.forEach(entry -> {
      var observation = (ObjectNode) entry.path("resource");
      observation.remove(List.of("effectivePeriod", "effectiveInstant", "effectiveTiming", "issued"));
      observation.put("effectiveDateTime", "0001-01-01T00:00:00Z");
    });
    return request;
  }

  /** The prefetch templates of a service definition, key to template. */
  public static Map<String, String> prefetchTemplates(String service) {
    try {
      var templates = new LinkedHashMap<String, String>();
      MAPPER.readTree(CONTENT.resolve(service + ".json").toFile()).path("prefetch").fields()
          .forEachRemaining(e -> templates.put(e.getKey(), e.getValue().asText()));
      return templates;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String json(ObjectNode request) {
    try {
      return MAPPER.writeValueAsString(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Example read(Path file, ZonedDateTime now) {
    try {
      var example = ExampleCase.read(file, MAPPER);
      var request = (ObjectNode) new RelativeDates(now).substitute(example.request());
      return new Example(example.service(), example.name(), request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
