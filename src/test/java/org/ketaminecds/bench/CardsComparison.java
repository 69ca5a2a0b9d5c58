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
 * An optimisation must not change an answer: every generated patient's request of every scenario is posted to the
 * measured server and to a second one, and the two responses are compared, card uuids aside. The second server is
 * this build with {@code --cds.resource-filter.enabled=false} ({@link #againstUnfiltered}, every full run), or another
 * build's jar, such as main's before a change ({@link #againstBaseline}, {@code --baseline JAR}). The outcome goes into
 * the report; {@code bench/run} fails when any patient differs.
 */
final class CardsComparison {

  /** One scenario's request bodies. */
  record Requests(String scenario, String service, List<byte[]> bodies) {}

  /** @param between what was compared with what, e.g. "with the resource filter on and off" */
  record Outcome(String between, int compared, int cards, List<String> differences) {
    boolean equal() {
      return differences.isEmpty();
    }

    String summary() {
      return equal()
          ? String.format("cards identical %s for all %d generated patients (%d cards in all)", between, compared,
              cards)
          : String.format("CARDS DIFFER %s for %d of %d patients: %s", between, differences.size(), compared,
              String.join("; ", differences));
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
      String measuredBase) throws Exception {
    var off = new ArrayList<>(arguments);
    off.add("--cds.resource-filter.enabled=false");
    return against(jar, work.resolve("unfiltered"), jvm, off, scenarios, measuredBase,
        "with the resource filter on and off");
  }

  /** The same with a second server started from another build's jar, with the same options as the measured one. */
  Outcome againstBaseline(Path baselineJar, Path work, List<String> jvm, List<String> arguments,
      List<Requests> scenarios, String measuredBase) throws Exception {
    return against(baselineJar, work.resolve("baseline"), jvm, arguments, scenarios, measuredBase,
        "in this build and in " + baselineJar.getFileName());
  }

  private Outcome against(Path jar, Path folderPath, List<String> jvm, List<String> arguments,
      List<Requests> scenarios, String measuredBase, String between) throws Exception {
    var folder = Files.createDirectories(folderPath);
    var data = folder.resolve("data").toAbsolutePath();
    org.springframework.util.FileSystemUtils.deleteRecursively(data);
    var own = new ArrayList<String>();
    for (String argument : arguments) {
      own.add(argument.startsWith("--cds.storage.data-dir=") ? "--cds.storage.data-dir=" + data : argument);
    }
    try (var second = ServerProcess.start(jar, folder, jvm, own)) {
      second.awaitReady(Duration.ofSeconds(180));
      return compare(scenarios, measuredBase, second.base(), between);
    }
  }

  Outcome compare(List<Requests> scenarios, String measuredBase, String secondBase, String between)
      throws Exception {
    int compared = 0;
    int cards = 0;
    List<String> differences = new ArrayList<>();
    for (Requests requests : scenarios) {
      for (int i = 0; i < requests.bodies().size(); i++) {
        var body = requests.bodies().get(i);
        JsonNode on = post(measuredBase, requests.service(), body);
        JsonNode off = post(secondBase, requests.service(), body);
        compared++;
        cards += on.path("cards").size();
        if (!withoutUuids(on).equals(withoutUuids(off))) {
          differences.add(requests.scenario() + " patient " + i);
        }
      }
    }
    return new Outcome(between, compared, cards, differences);
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
