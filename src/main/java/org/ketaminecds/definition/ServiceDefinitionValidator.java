package org.ketaminecds.definition;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ketaminecds.cards.CardRule;
import org.ketaminecds.cql.CqlLibraryCatalog;

/**
 * Start-up checks of one definition (docs/content/service-definitions.md, "Start-up validation"): everything a client or the renderer would
 * otherwise trip over at request time. Card rules are checked by {@link CardRuleValidator}.
 */
final class ServiceDefinitionValidator {

  /** The prefetch tokens of CDS Hooks 2.0 for the supported hooks; nothing else is expanded. */
  static final Set<String> PREFETCH_TOKENS = Set.of(
      "context.patientId", "context.encounterId", "context.userId",
      "userPractitionerId", "userPractitionerRoleId", "userPatientId", "userRelatedPersonId");

  private static final Pattern TOKEN = Pattern.compile("\\{\\{(.*?)}}");
  private static final Pattern ABSOLUTE_URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
  private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final CqlLibraryCatalog catalog;
  private final CardRuleValidator cardRules;

  ServiceDefinitionValidator(CqlLibraryCatalog catalog, Set<String> fhirResourceTypes) {
    this.catalog = catalog;
    this.cardRules = new CardRuleValidator(fhirResourceTypes);
  }

  List<String> validate(String fileName, ServiceDefinition definition) {
    var errors = new ValidationErrors(fileName);
    var expectedId = fileName.substring(0, fileName.length() - ".json".length());
    if (definition.id() == null || definition.id().isBlank()) {
      errors.add("id", "is required and must equal the file name (\"" + expectedId + "\")");
    } else if (!definition.id().equals(expectedId)) {
      errors.add("id", "\"" + definition.id() + "\" does not match the file name (expected \"" + expectedId + "\")");
    } else if (!SERVICE_ID.matcher(expectedId).matches()) {
      errors.add("id", "must be letters, digits, '.', '_' or '-' (it is a URL path segment)");
    }
    if (definition.hook() == null) {
      errors.add("hook", "must be one of " + Hook.wireValues());
    }
    errors.requireText("description", definition.description());
    definition.prefetch().forEach((key, template) -> prefetch(key, template, errors));
    var config = definition.config();
    if (config == null) {
      errors.add("_config", "is required");
      return errors.messages();
    }
    additionalHooks(definition, errors);
    optionalPrefetch(definition, errors);
    var defines = library(config, errors);
    if (config.appliesWhen() != null && (config.appliesWhen().isBlank()
        || defines != null && !defines.names().contains(config.appliesWhen()))) {
      errors.add("_config.appliesWhen", config.appliesWhen().isBlank() ? "must name a define of the library"
          : "unknown define \"" + config.appliesWhen() + "\" in library " + defines.library());
    }
    if (config.cards().isEmpty()) {
      errors.add("_config.cards", "at least one card rule is required");
    }
    var ruleIds = new HashSet<String>();
    for (int i = 0; i < config.cards().size(); i++) {
      var rule = config.cards().get(i);
      var path = "_config.cards[" + i + "]";
      if (rule != null && rule.id() != null && !ruleIds.add(rule.id())) {
        errors.add(path + ".id", "\"" + rule.id() + "\" is used by an earlier rule; rule ids must be unique");
      }
      cardRules.validate(rule, path, defines, errors);
      prefetchKeys(rule, path, definition, errors);
    }
    return errors.messages();
  }

  private static void prefetch(String key, String template, ValidationErrors errors) {
    var path = "prefetch." + key;
    if (key.isBlank()) {
      errors.add("prefetch", "keys must not be blank");
    }
    if (template == null || template.isBlank()) {
      errors.add(path, "must be a FHIR query template");
      return;
    }
    if (template.startsWith("/") || ABSOLUTE_URL.matcher(template).lookingAt()) {
      errors.add(path, "must be a relative FHIR query, e.g. Patient/{{context.patientId}}");
    }
    var tokens = TOKEN.matcher(template);
    while (tokens.find()) {
      var token = tokens.group(1).trim();
      if (!PREFETCH_TOKENS.contains(token)) {
        errors.add(path, "unknown token {{" + token + "}} (allowed: " + String.join(", ", new TreeSet<>(PREFETCH_TOKENS)) + ")");
      }
    }
    var rest = TOKEN.matcher(template).replaceAll("");
    if (rest.contains("{{") || rest.contains("}}")) {
      errors.add(path, "has an unbalanced {{ or }}");
    }
  }

  /** {@code cards[i].prefetchKeys}, when given, names keys of this service's {@code prefetch}. */
  private static void prefetchKeys(CardRule rule, String path, ServiceDefinition definition, ValidationErrors errors) {
    if (rule == null || rule.prefetchKeys() == null) {
      return;
    }
    for (int k = 0; k < rule.prefetchKeys().size(); k++) {
      var key = rule.prefetchKeys().get(k);
      if (key == null || !definition.prefetch().containsKey(key)) {
        errors.add(path + ".prefetchKeys[" + k + "]", "\"" + key + "\" is not a prefetch key of this service "
            + "(keys: " + String.join(", ", new TreeSet<>(definition.prefetch().keySet())) + ")");
      }
    }
  }

  /** {@code _config.optionalPrefetch} names keys of this service's {@code prefetch}. */
  private static void optionalPrefetch(ServiceDefinition definition, ValidationErrors errors) {
    var optional = definition.config().optionalPrefetch();
    for (int i = 0; i < optional.size(); i++) {
      var key = optional.get(i);
      if (key == null || !definition.prefetch().containsKey(key)) {
        errors.add("_config.optionalPrefetch[" + i + "]", "\"" + key + "\" is not a prefetch key of this service "
            + "(keys: " + String.join(", ", new TreeSet<>(definition.prefetch().keySet())) + ")");
      }
    }
  }

  private static void additionalHooks(ServiceDefinition definition, ValidationErrors errors) {
    var seen = new HashSet<Hook>();
    if (definition.hook() != null) {
      seen.add(definition.hook());
    }
    var additional = definition.config().additionalHooks();
    for (int i = 0; i < additional.size(); i++) {
      var path = "_config.additionalHooks[" + i + "]";
      if (additional.get(i) == null) {
        errors.add(path, "must be one of " + Hook.wireValues());
      } else if (!seen.add(additional.get(i))) {
        errors.add(path, "\"" + additional.get(i).wire() + "\" is already answered by this service");
      }
    }
  }

  /** The library's defines, or null when the library is missing or unknown (define checks are skipped). */
  private CardRuleValidator.Defines library(ServiceConfig config, ValidationErrors errors) {
    if (config.cql() == null || config.cql().library() == null) {
      errors.add("_config.cql.library", "is required ({\"id\": \"<CQL library name>\", \"version\": \"...\"})");
      return null;
    }
    var ref = config.cql().library();
    if (ref.id() == null || ref.id().isBlank()) {
      errors.add("_config.cql.library.id", "is required");
      return null;
    }
    if (!catalog.libraries().contains(ref.id())) {
      errors.add("_config.cql.library.id", "unknown CQL library \"" + ref.id() + "\" (loaded: "
          + String.join(", ", new TreeSet<>(catalog.libraries())) + ")");
      return null;
    }
    var loaded = catalog.version(ref.id());
    if (ref.version() != null && loaded.isPresent() && !loaded.get().equals(ref.version())) {
      errors.add("_config.cql.library.version", "\"" + ref.version() + "\" does not match the loaded library "
          + ref.id() + " (version \"" + loaded.get() + "\")");
    }
    return new CardRuleValidator.Defines(ref.id(), catalog.expressions(ref.id()));
  }
}
