package org.ketaminecds.definition;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ketaminecds.config.HookJson;
import org.ketaminecds.config.HooksContentProperties;
import org.ketaminecds.cql.CqlLibraryCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;

/**
 * Reads every {@code *.json} directly under {@code cds.content.hooks-location} (not {@code examples/}),
 * binds and validates it, and builds the {@link ServiceCatalog}. All problems of all files are collected
 * first; any problem stops start-up with {@link InvalidServiceDefinitionException}. Unknown fields are
 * problems too (a misspelt field would otherwise be silently ignored).
 */
@Component
public class ServiceDefinitionLoader {

  private static final Logger log = LoggerFactory.getLogger(ServiceDefinitionLoader.class);

  private final String location;
  private final ResourcePatternResolver resolver;
  private final ObjectReader reader;
  private final ServiceDefinitionValidator validator;

  @Autowired
  ServiceDefinitionLoader(HooksContentProperties properties, ResourceLoader resourceLoader,
      CqlLibraryCatalog catalog, FhirContext fhirContext, @HookJson ObjectMapper mapper) {
    this(properties.hooksLocation(), ResourcePatternUtils.getResourcePatternResolver(resourceLoader),
        catalog, fhirContext, mapper);
  }

  public ServiceDefinitionLoader(String location, ResourcePatternResolver resolver, CqlLibraryCatalog catalog,
      FhirContext fhirContext, ObjectMapper mapper) {
    this.location = location.endsWith("/") ? location : location + "/";
    this.resolver = resolver;
    this.reader = mapper.readerFor(ServiceDefinition.class)
        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    this.validator = new ServiceDefinitionValidator(catalog, fhirContext.getResourceTypes());
  }

  public ServiceCatalog load() {
    var definitions = new ArrayList<ServiceDefinition>();
    var errors = new ArrayList<String>();
    for (var resource : resources()) {
      var fileName = resource.getFilename();
      var fileErrors = new ArrayList<String>();
      var definition = read(resource, fileName, fileErrors);
      if (definition != null) {
        fileErrors.addAll(validator.validate(fileName, definition));
      }
      if (fileErrors.isEmpty()) {
        definitions.add(definition);
      }
      errors.addAll(fileErrors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidServiceDefinitionException(location, errors);
    }
    if (definitions.isEmpty()) {
      log.warn("No service definitions found at {}: discovery will list no services", location);
    }
    log.info("Loaded {} service definition(s) from {}: {}", definitions.size(), location,
        definitions.stream().map(ServiceDefinition::id).toList());
    return ServiceCatalog.of(definitions);
  }

  private List<Resource> resources() {
    try {
      return Arrays.stream(resolver.getResources(location + "*.json"))
          .filter(Resource::isReadable)
          .sorted(Comparator.comparing(Resource::getFilename))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list service definitions at " + location, e);
    }
  }

  private ServiceDefinition read(Resource resource, String fileName, List<String> errors) {
    var unknownFields = new ArrayList<String>();
    try (var in = resource.getInputStream()) {
      var definition = reader.withHandler(new UnknownFields(fileName, unknownFields)).<ServiceDefinition>readValue(in);
      errors.addAll(unknownFields);
      if (definition == null) {
        errors.add(fileName + ": must be a JSON object");
      }
      return unknownFields.isEmpty() ? definition : null;
    } catch (JsonMappingException e) {
      var what = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
          ? "wrong JSON type (expected " + jsonType(mismatch.getTargetType()) + ")"
          : e.getOriginalMessage();
      var path = path(e.getPath());
      errors.add(fileName + ": " + (path.isEmpty() ? "" : path + ": ") + what);
    } catch (JsonProcessingException e) {
      var where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": ";
      errors.add(fileName + ": " + where + "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      errors.add(fileName + ": cannot be read: " + e.getMessage());
    }
    return null;
  }

  private static String jsonType(Class<?> type) {
    if (List.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return type.isRecord() || java.util.Map.class.isAssignableFrom(type) ? "an object" : type.getSimpleName();
  }

  /** {@code _config.cards[2].card.summary} from Jackson's reference path. */
  private static String path(List<JsonMappingException.Reference> references) {
    var path = new StringBuilder();
    for (var reference : references) {
      if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      } else if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      }
    }
    return path.toString();
  }

  /** Records each unknown field with its path instead of failing on the first one. */
  private static final class UnknownFields extends DeserializationProblemHandler {

    private final String fileName;
    private final List<String> errors;

    UnknownFields(String fileName, List<String> errors) {
      this.fileName = fileName;
      this.errors = errors;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
        JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
      var where = parent(parser.getParsingContext(), propertyName);
      errors.add(fileName + ": " + (where.isEmpty() ? "" : where + ".") + propertyName + ": unknown field");
      parser.skipChildren();
      return true;
    }

    /** The path of the object holding {@code propertyName}. */
    private static String parent(JsonStreamContext context, String propertyName) {
      var names = new ArrayList<String>();
      var current = context;
      // the parser may already be inside the unknown field's own object or array
      if ((current.inObject() || current.inArray()) && !propertyName.equals(current.getCurrentName())
          && current.getParent() != null && propertyName.equals(current.getParent().getCurrentName())) {
        current = current.getParent();
      }
      current = current.getParent();
      while (current != null && !current.inRoot()) {
        names.add(0, current.inArray() ? "[" + current.getCurrentIndex() + "]" : current.getCurrentName());
        current = current.getParent();
      }
      var path = new StringBuilder();
      for (var name : names) {
        path.append(name.startsWith("[") || path.isEmpty() ? "" : ".").append(name);
      }
      return path.toString();
    }
  }
}
