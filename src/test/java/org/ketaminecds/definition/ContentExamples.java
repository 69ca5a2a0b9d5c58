package org.ketaminecds.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

  /** The prefetch templates of a service definition, key to template. */
  /**
   * The request with a real-world data-entry error the engine refuses: the first prefetched order has no supply or
   * quantity and a dosage period that ends before it starts (the TRD rules compute its length: InvalidInterval).
   */
  public static ObjectNode withReversedDosagePeriod(ObjectNode request) {
    var order = (ObjectNode) request.at("/prefetch/medicationRequests/entry/0/resource");
    if (!"MedicationRequest".equals(order.path("resourceType").asText())) {
      throw new IllegalArgumentException("the first prefetched medication request is not a MedicationRequest");
    }
    var dispenseRequest = order.with("dispenseRequest");
    dispenseRequest.remove(List.of("expectedSupplyDuration", "quantity"));
    var dosage = order.withArray("dosageInstruction");
    if (dosage.isEmpty()) {
      dosage.addObject();
    }
    dosage.forEach(d -> ((ObjectNode) d).with("timing").with("repeat").remove("boundsDuration"));
    ((ObjectNode) dosage.get(0)).with("timing").with("repeat").putObject("boundsPeriod")
        .put("start", LocalDate.now().minusDays(30).toString())
        .put("end", LocalDate.now().minusDays(395).toString());
    return request;
  }

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
