package org.ketaminecds.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The resource filter must not change an answer: every generated patient's request of every scenario is posted to
 * the measured server (filter on, the default) and to a second one started with {@code
 * --cds.resource-filter.enabled=false}, and the two responses are compared, card uuids aside. The outcome goes into
 * the report; {@code bench/run} fails when any patient differs.
 */
final class CardsComparison {

  /** One scenario's request bodies. */
  record Requests(String scenario, String service, List<byte[]> bodies) {}

  record Outcome(int compared, int cards, List<String> differences) {
    boolean equal() {
      return differences.isEmpty();
    }

    String summary() {
      return equal()
          ? String.format("cards identical with the resource filter on and off for all %d generated patients "
              + "(%d cards in all)", compared, cards)
          : String.format("CARDS DIFFER with the resource filter on and off for %d of %d patients: %s",
              differences.size(), compared, String.join("; ", differences));
    }
  }

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final BenchClient client;

  CardsComparison(BenchClient client) {
    this.client = client;
  }

  /**
   * Starts a second server like the measured one but with the filter off (its own data folder and log), compares,
   * and stops it.
   */
  Outcome againstUnfiltered(Path jar, Path work, List<String> jvm, List<String> arguments, List<Requests> scenarios,
      String filteredBase) throws Exception {
    var folder = Files.createDirectories(work.resolve("unfiltered"));
    var data = folder.resolve("data").toAbsolutePath();
    org.springframework.util.FileSystemUtils.deleteRecursively(data);
    var unfilteredArguments = new ArrayList<String>();
    for (String argument : arguments) {
      unfilteredArguments.add(argument.startsWith("--cds.storage.data-dir=") ? "--cds.storage.data-dir=" + data
          : argument);
    }
    unfilteredArguments.add("--cds.resource-filter.enabled=false");
    try (var unfiltered = ServerProcess.start(jar, folder, jvm, unfilteredArguments)) {
      unfiltered.awaitReady(Duration.ofSeconds(180));
      return compare(scenarios, filteredBase, unfiltered.base());
    }
  }

  Outcome compare(List<Requests> scenarios, String filteredBase, String unfilteredBase) throws Exception {
    int compared = 0;
    int cards = 0;
    List<String> differences = new ArrayList<>();
    for (Requests requests : scenarios) {
      for (int i = 0; i < requests.bodies().size(); i++) {
        var body = requests.bodies().get(i);
        JsonNode on = post(filteredBase, requests.service(), body);
        JsonNode off = post(unfilteredBase, requests.service(), body);
        compared++;
        cards += on.path("cards").size();
        if (!withoutUuids(on).equals(withoutUuids(off))) {
          differences.add(requests.scenario() + " patient " + i);
        }
      }
    }
    return new Outcome(compared, cards, differences);
  }

  private JsonNode post(String base, String service, byte[] body) throws Exception {
    var path = "/cds-services/" + service;
    var token = client.tokens("http://127.0.0.1:" + URI.create(base).getPort() + path, 1)[0];
    var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    var tree = (ObjectNode) mapper.readTree(response.body());
    tree.put("httpStatus", response.statusCode());
    return tree;
  }

  private static JsonNode withoutUuids(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("uuid");
      object.forEach(CardsComparison::withoutUuids);
    } else if (node instanceof ArrayNode array) {
      array.forEach(CardsComparison::withoutUuids);
    }
    return node;
  }
}
