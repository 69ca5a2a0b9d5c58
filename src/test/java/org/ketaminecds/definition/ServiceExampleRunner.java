package org.ketaminecds.definition;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.opentest4j.AssertionFailedError;

/**
 * Runs every {@code <examples>/<service-id>/<case>.json} through the real HTTP endpoint as one dynamic
 * test: rolls the dates, fills in a hookInstance, posts, and checks the cards. A failure names the case
 * and lists what came back, so an informaticist can fix content without reading Java.
 */
final class ServiceExampleRunner {

  private final Path examples;
  private final URI baseUrl;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ServiceExampleRunner(Path examples, URI baseUrl, ObjectMapper mapper, Clock clock) {
    this.examples = examples;
    this.baseUrl = baseUrl;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** True when {@code examples} holds at least one case file. */
  static boolean hasCases(Path examples) {
    return !caseFiles(examples).isEmpty();
  }

  Stream<DynamicNode> tests() {
    return caseFiles(examples).stream()
        .collect(Collectors.groupingBy(f -> f.getParent().getFileName().toString(), TreeMap::new, Collectors.toList()))
        .entrySet().stream()
        .map(service -> dynamicContainer(service.getKey(), service.getValue().stream()
            .map(file -> dynamicTest(file.getFileName().toString(), file.toUri(), () -> run(file)))));
  }

  void run(Path file) throws Exception {
    ExampleCase example = read(file);
    var response = post(example, request(example), baseUrl);
    var report = verify(example, response.statusCode(), response.body());
    if (!report.isEmpty()) {
      throw new AssertionFailedError(report);
    }
  }

  /** The case file, or an assertion failure that names it. */
  ExampleCase read(Path file) {
    try {
      return ExampleCase.read(file, mapper);
    } catch (IllegalArgumentException | IOException e) {
      throw new AssertionFailedError(examples.relativize(file) + ": the case file is invalid: " + e.getMessage());
    }
  }

  /** The case's request as it is posted: dates rolled to the runner's clock, a hookInstance filled in. */
  ObjectNode request(ExampleCase example) {
    ObjectNode request;
    try {
      request = (ObjectNode) new RelativeDates(ZonedDateTime.now(clock)).substitute(example.request());
    } catch (IllegalArgumentException e) {
      throw new AssertionFailedError(example.name() + ": the case file is invalid: " + e.getMessage());
    }
    if (!request.hasNonNull("hookInstance")) {
      request.put("hookInstance", UUID.randomUUID().toString());
    }
    return request;
  }

  HttpResponse<String> post(ExampleCase example, ObjectNode request, URI base) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve("/cds-services/" + example.service()))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(request)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Every case file under the examples folder, sorted. */
  List<Path> cases() {
    return caseFiles(examples);
  }

  /** The failure report of one case, empty when it passed. */
  String verify(ExampleCase example, int status, String body) throws IOException {
    var header = example.service() + "/" + example.name() + " (" + example.description() + ")";
    if (status != 200) {
      return header + ": expected HTTP 200, got " + status + ": " + body;
    }
    var response = mapper.readTree(body);
    var cards = new ArrayList<JsonNode>();
    response.path("cards").forEach(cards::add);
    var failures = CardExpectations.failures(example.expect(), cards);
    if (failures.isEmpty()) {
      return "";
    }
    var report = new StringBuilder(header).append(" failed:");
    failures.forEach(f -> report.append("\n  - ").append(f));
    report.append("\nreturned cards:");
    if (cards.isEmpty()) {
      report.append(" none");
    }
    cards.forEach(c -> report.append("\n  - ").append(CardExpectations.describe(c)));
    var degraded = response.path("extension").path("org.ketaminecds.degraded-rules");
    degraded.forEach(d -> report.append("\ndegraded rule ").append(d.path("rule").asText())
        .append(": ").append(d.path("reason").asText()));
    return report.toString();
  }

  private static List<Path> caseFiles(Path examples) {
    if (!Files.isDirectory(examples)) {
      return List.of();
    }
    try (var files = Files.walk(examples, 2)) {
      return files.filter(f -> f.getNameCount() == examples.getNameCount() + 2)
          .filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
