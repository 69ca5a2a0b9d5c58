package org.ketaminecds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * The recipes in {@code deploy/} parse and agree with the application: probes on the actuator health groups the
 * configuration enables, on the port the application serves them; every environment variable and site setting is
 * a property the application (or Spring Boot) knows; every ConfigMap and Secret the Deployment needs is defined or
 * created by the content script; HAProxy checks readiness and waits longer than a hook call may take. No cluster,
 * no network: {@code deploy/check} adds {@code haproxy -c} and a kustomize build where those tools exist.
 */
class DeployRecipeTests {

  private static final Path KUBERNETES = Path.of("deploy", "kubernetes");
  private static final Path HAPROXY = Path.of("deploy", "haproxy", "haproxy.cfg");
  // production serves the actuator on a loopback management port; the probe groups stay reachable on the service
  // port through Spring Boot's additional paths (management.endpoint.health.probes.add-additional-paths)
  private static final String LIVENESS = "/livez";
  private static final String READINESS = "/readyz";

  private static List<Map<String, Object>> manifests;
  private static Set<String> properties;
  private static Map<String, Object> defaults;

  @BeforeAll
  static void load() throws IOException {
    manifests = new ArrayList<>();
    try (Stream<Path> files = Files.list(KUBERNETES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (Object document : new Yaml().loadAll(Files.readString(file))) {
          manifests.add(map(document));
        }
      }
    }
    properties = knownProperties();
    defaults = new HashMap<>();
    for (String profile : List.of("application.yml", "application-prod.yml")) {
      try (InputStream in = DeployRecipeTests.class.getClassLoader().getResourceAsStream(profile)) {
        flatten("", new Yaml().load(in), defaults);
      }
    }
  }

  @Test
  void theKustomizationAppliesEveryManifest() throws IOException {
    Map<String, Object> kustomization = manifest("Kustomization");
    List<String> files;
    try (Stream<Path> all = Files.list(KUBERNETES)) {
      files = all.map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList();
    }

    assertThat(list(kustomization.get("resources"))).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void everyManifestHasAKindAndAName() {
    assertThat(manifests).filteredOn(m -> !"Kustomization".equals(m.get("kind"))).isNotEmpty().allSatisfy(m -> {
      assertThat(m.get("kind")).isNotNull();
      assertThat(m.get("apiVersion")).isNotNull();
      assertThat(map(m.get("metadata")).get("name")).isNotNull();
    });
    assertThat(kinds()).contains("Deployment", "Service", "ConfigMap", "Secret");
  }

  @Test
  void probesUseTheActuatorHealthGroupsOnThePortThatServesThem() {
    Map<String, Object> container = container();
    assertThat(defaults.get("management.endpoint.health.probes.enabled")).isEqualTo(true);
    assertThat(defaults.get("management.endpoint.health.probes.add-additional-paths")).isEqualTo(true);

    assertThat(httpGet(container, "livenessProbe").get("path")).isEqualTo(LIVENESS);
    assertThat(httpGet(container, "startupProbe").get("path")).isEqualTo(LIVENESS);
    assertThat(httpGet(container, "readinessProbe").get("path")).isEqualTo(READINESS);
    for (String probe : List.of("livenessProbe", "startupProbe", "readinessProbe")) {
      assertThat(containerPort(container, httpGet(container, probe).get("port"))).as(probe)
          .isEqualTo(serverPort());
    }
  }

  @Test
  void everyEnvironmentVariableIsAPropertyTheApplicationKnows() {
    Set<String> envForms = new HashSet<>();
    properties.forEach(p -> envForms.add(p.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')));
    List<String> names = new ArrayList<>();
    list(container().get("env")).forEach(e -> names.add((String) map(e).get("name")));
    names.addAll(secret().keySet());

    assertThat(names).contains("CDS_AUDIT_PATIENT_HASH_SECRET", "CDS_ADMIN_TOKEN", "SPRING_DATASOURCE_URL",
        "SPRING_DATASOURCE_PASSWORD");
    assertThat(names).filteredOn(n -> !n.equals("JAVA_TOOL_OPTIONS")).allSatisfy(n -> assertThat(envForms).contains(n));
  }

  @Test
  void theSiteConfigurationNamesOnlyKnownProperties() {
    Map<String, Object> site = configMap("ketamine-cds-site");
    Map<String, Object> keys = new HashMap<>();
    flatten("", new Yaml().load((String) site.get("application.yml")), keys);

    assertThat(keys).isNotEmpty();
    assertThat(keys.keySet()).allSatisfy(key -> assertThat(known(key)).as(key).isTrue());
  }

  @Test
  void contentComesFromConfigMapsThroughFileLocationsThatAreMounted() throws IOException {
    Map<String, Object> container = container();
    Map<String, String> env = new HashMap<>();
    list(container.get("env")).forEach(e -> env.put((String) map(e).get("name"), (String) map(e).get("value")));
    List<String> mounts = list(container.get("volumeMounts")).stream().map(m -> (String) map(m).get("mountPath")).toList();

    for (String location : List.of("CDS_CONTENT_HOOKS_LOCATION", "CDS_CONTENT_CQL_LOCATION")) {
      assertThat(env.get(location)).as(location).startsWith("file:/").endsWith("/");
      String path = env.get(location).substring("file:".length());
      assertThat(mounts).as(location).anyMatch(path::startsWith);
    }
    String script = Files.readString(KUBERNETES.resolve("content-configmaps.sh"));
    for (Object volume : list(map(podSpec()).get("volumes"))) {
      Object configMap = map(volume).get("configMap");
      if (configMap != null) {
        String name = (String) map(configMap).get("name");
        assertThat(configMapNames().contains(name) || script.contains("configmap " + name + " ")).as(name).isTrue();
      }
    }
    assertThat(list(map(container.get("envFrom")).isEmpty() ? List.of() : container.get("envFrom")))
        .allSatisfy(from -> assertThat(map(map(from).get("secretRef")).get("name")).isEqualTo(secretName()));
  }

  @Test
  void haproxyChecksReadinessReachesTheServerPortAndOutwaitsAHookCall() throws IOException {
    String config = Files.readString(HAPROXY);

    assertThat(config).contains("http-check send meth GET uri " + READINESS);
    Matcher servers = Pattern.compile("(?m)^\\s*server\\s+\\S+\\s+\\S+:(\\d+)\\s+.*\\bcheck\\b").matcher(config);
    int count = 0;
    while (servers.find()) {
      count++;
      assertThat(Integer.parseInt(servers.group(1))).isEqualTo(serverPort()).isNotEqualTo(managementPort());
    }
    assertThat(count).isGreaterThanOrEqualTo(2);
    Matcher timeout = Pattern.compile("(?m)^\\s*timeout server\\s+(\\S+)").matcher(config);
    assertThat(timeout.find()).isTrue();
    Duration hookCall = duration("cds.invocation.queue-timeout").plus(duration("cds.fhir.deadline"));
    assertThat(DurationStyle.detectAndParse(timeout.group(1))).isGreaterThan(hookCall);
    assertThat(config).contains("deny deny_status 404 if { path_beg /actuator }");
  }

  // --- the application's side --------------------------------------------------------------------------------

  /** Every property of this application (generated metadata) and of Spring Boot. */
  private static Set<String> knownProperties() throws IOException {
    Set<String> names = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (URL url : Collections.list(DeployRecipeTests.class.getClassLoader()
        .getResources("META-INF/spring-configuration-metadata.json"))) {
      try (InputStream in = url.openStream()) {
        json.readTree(in).path("properties").forEach((JsonNode p) -> names.add(p.path("name").asText()));
      }
    }
    assertThat(names).contains("cds.security.replay-cache-size", "cds.fhir.page-size", "spring.datasource.url");
    return names;
  }

  /** A key is known when it is a property, or an element or entry of a list or map property. */
  private static boolean known(String key) {
    if (properties.contains(key)) {
      return true;
    }
    for (int i = key.length() - 1; i > 0; i--) {
      char c = key.charAt(i);
      if ((c == '[' || c == '.') && properties.contains(key.substring(0, i))) {
        return true;
      }
    }
    return false;
  }

  private static int serverPort() {
    return port(defaults.getOrDefault("server.port", 8080));
  }

  private static int managementPort() {
    Object port = defaults.get("management.server.port");
    return port == null ? serverPort() : port(port);
  }

  /** A port as configured: a number, or a placeholder with a default ({@code ${CDS_MANAGEMENT_PORT:8081}}). */
  private static int port(Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    Matcher placeholder = Pattern.compile("\\$\\{[^:}]+:(\\d+)}").matcher(String.valueOf(value));
    return placeholder.matches() ? Integer.parseInt(placeholder.group(1)) : Integer.parseInt(String.valueOf(value));
  }

  private static Duration duration(String key) {
    return DurationStyle.detectAndParse(String.valueOf(defaults.get(key)));
  }

  // --- the manifests' side -----------------------------------------------------------------------------------

  private static Map<String, Object> manifest(String kind) {
    return manifests.stream().filter(m -> kind.equals(m.get("kind"))).findFirst().orElseThrow();
  }

  private static List<Object> kinds() {
    return manifests.stream().map(m -> m.get("kind")).toList();
  }

  private static Object podSpec() {
    return map(map(map(manifest("Deployment").get("spec")).get("template")).get("spec"));
  }

  private static Map<String, Object> container() {
    return map(list(map(podSpec()).get("containers")).get(0));
  }

  private static Map<String, Object> httpGet(Map<String, Object> container, String probe) {
    return map(map(container.get(probe)).get("httpGet"));
  }

  private static int containerPort(Map<String, Object> container, Object port) {
    if (port instanceof Number number) {
      return number.intValue();
    }
    return list(container.get("ports")).stream().map(DeployRecipeTests::map)
        .filter(p -> port.equals(p.get("name"))).map(p -> ((Number) p.get("containerPort")).intValue())
        .findFirst().orElseThrow();
  }

  private static Set<String> configMapNames() {
    Set<String> names = new HashSet<>();
    manifests.stream().filter(m -> "ConfigMap".equals(m.get("kind")))
        .forEach(m -> names.add((String) map(m.get("metadata")).get("name")));
    return names;
  }

  private static Map<String, Object> configMap(String name) {
    return map(manifests.stream().filter(m -> "ConfigMap".equals(m.get("kind")))
        .filter(m -> name.equals(map(m.get("metadata")).get("name"))).findFirst().orElseThrow().get("data"));
  }

  private static String secretName() {
    return (String) map(manifest("Secret").get("metadata")).get("name");
  }

  private static Map<String, Object> secret() {
    return map(manifest("Secret").get("stringData"));
  }

  // --- YAML helpers ------------------------------------------------------------------------------------------

  /** Spring-style keys: {@code a.b}, {@code a.list[0].c}; an empty map or list is a key of its own. */
  private static void flatten(String prefix, Object value, Map<String, Object> into) {
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
    } else if (value instanceof List<?> l && !l.isEmpty()) {
      for (int i = 0; i < l.size(); i++) {
        flatten(prefix + "[" + i + "]", l.get(i), into);
      }
    } else if (!prefix.isEmpty()) {
      into.put(prefix, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : List.of();
  }
}
