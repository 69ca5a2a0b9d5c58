package org.ketaminecds.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spring's configuration metadata, as the configuration processor wrote it into the build: this project's own
 * ({@code target/classes/META-INF/spring-configuration-metadata.json}) and Spring Boot's (in its jars).
 */
final class ConfigurationMetadata {

  static final String RESOURCE = "META-INF/spring-configuration-metadata.json";

  /** A property as the metadata describes it; {@code sourceType} is the class that declares it. */
  record Property(String name, String type, String defaultValue, String description, String sourceType) {

    boolean isCollection() {
      return type != null && (type.startsWith("java.util.List<") || type.startsWith("java.util.Map<")
          || type.startsWith("java.util.Set<"));
    }
  }

  private final Map<String, Property> own = new TreeMap<>();
  private final Map<String, Property> all = new TreeMap<>();

  private ConfigurationMetadata() {
  }

  static ConfigurationMetadata load() {
    ConfigurationMetadata metadata = new ConfigurationMetadata();
    ObjectMapper mapper = new ObjectMapper();
    try {
      for (URL url : Collections.list(ConfigurationMetadata.class.getClassLoader().getResources(RESOURCE))) {
        boolean ours = "file".equals(url.getProtocol());
        try (InputStream in = url.openStream()) {
          for (JsonNode p : mapper.readTree(in).path("properties")) {
            JsonNode value = p.get("defaultValue");
            Property property = new Property(p.path("name").asText(), p.path("type").asText(null),
                value == null || value.isNull() ? null : value.isArray() ? arrayText(value) : value.asText(),
                p.path("description").asText(""), p.path("sourceType").asText(null));
            metadata.all.putIfAbsent(property.name(), property);
            if (ours) {
              metadata.own.put(property.name(), property);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (metadata.own.isEmpty()) {
      throw new IllegalStateException("no " + RESOURCE + " in the build output: run the build (mvn test-compile)");
    }
    return metadata;
  }

  /** This project's properties ({@code cds.*}), by name. */
  Map<String, Property> own() {
    return own;
  }

  /**
   * Whether a name written in the docs is a property: an exact property, a group of properties ({@code cds.fhir}),
   * or a key inside a map or list property ({@code cds.cql.parameters.X}, {@code cds.security.clients[0].issuer},
   * the part after the index checked against the element record's components).
   */
  boolean knows(String name) {
    String plain = name.replaceAll("\\[[^\\]]*]", "");
    if (all.containsKey(plain)) {
      return true;
    }
    for (Property property : all.values()) {
      if (property.name().startsWith(plain + ".")) {
        return true; // a group
      }
      if (property.isCollection() && plain.startsWith(property.name() + ".")) {
        String rest = plain.substring(property.name().length() + 1);
        return property.type().startsWith("java.util.Map<") || elementKnows(property, rest);
      }
    }
    return false;
  }

  /** The kebab-case components of a list's element record ({@code issuer}, {@code jwks-uri}, ...). */
  static List<String> elementProperties(Property property) {
    List<String> names = new ArrayList<>();
    String type = property.type();
    int open = type.indexOf('<');
    if (open < 0) {
      return names;
    }
    try {
      Class<?> element = Class.forName(type.substring(open + 1, type.length() - 1));
      if (element.isRecord()) {
        for (RecordComponent component : element.getRecordComponents()) {
          names.add(component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase());
        }
      }
    } catch (ClassNotFoundException e) {
      // a JDK or library element type (String): no nested properties
    }
    return names;
  }

  private static boolean elementKnows(Property property, String rest) {
    List<String> components = elementProperties(property);
    return components.isEmpty() || components.contains(rest.split("\\.")[0]);
  }

  private static String arrayText(JsonNode array) {
    List<String> items = new ArrayList<>();
    array.forEach(item -> items.add(item.asText()));
    return String.join(", ", items);
  }
}
