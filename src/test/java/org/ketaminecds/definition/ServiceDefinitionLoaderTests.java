package org.ketaminecds.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.config.JacksonConfig;
import org.ketaminecds.cql.CqlLibraryCatalog;
import org.ketaminecds.cards.RepeatPolicy;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class ServiceDefinitionLoaderTests {

  static final String VALID = """
      {
        "id": "ketamine-order-check",
        "hook": "order-sign",
        "title": "Ketamine order check",
        "description": "Checks esketamine orders",
        "prefetch": { "patient": "Patient/{{context.patientId}}",
                      "conditions": "Condition?patient={{context.patientId}}" },
        "_config": {
          "additionalHooks": ["order-select"],
          "cql": { "library": { "id": "KetamineOrderCheck", "version": "1.0.0" } },
          "cards": [ {
            "id": "esketamine-aneurysm",
            "conditionExpression": "Has Aneurysm",
            "card": {
              "summary": "Contraindicated: ${Aneurysm Display:60}",
              "detail": "Evidence:\\n${Evidence}",
              "indicator": "critical",
              "source": { "label": "Spravato label", "url": "https://example.org/label" },
              "links": [ { "label": "Label", "url": "https://example.org/label", "type": "absolute" } ],
              "selectionBehavior": "at-most-one",
              "suggestions": [ { "label": "Cancel the order", "isRecommended": true, "actions": [
                { "type": "delete", "description": "Remove the draft", "resourceId": "${Draft Order Reference}" },
                { "type": "create", "description": "Refer", "resource": { "resourceType": "ServiceRequest",
                  "status": "draft", "intent": "proposal", "subject": { "reference": "Patient/${Patient Id}" } } } ] } ],
              "overrideReasons": [ { "system": "http://example.org/reasons", "code": "benefit", "display": "Benefit outweighs risk" } ]
            } } ] } }
      """;

  static final CqlLibraryCatalog CATALOG = new CqlLibraryCatalog() {
    @Override
    public Set<String> libraries() {
      return Set.of("KetamineOrderCheck");
    }

    @Override
    public Set<String> expressions(String library) {
      return Set.of("Has Aneurysm", "Aneurysm Display", "Evidence", "Draft Order Reference", "Patient Id");
    }

    @Override
    public Optional<String> version(String library) {
      return Optional.of("1.0.0");
    }
  };

  final ObjectMapper mapper = new JacksonConfig().hookObjectMapper();

  @TempDir Path dir;
  ObjectNode definition;

  @BeforeEach
  void validDefinition() throws IOException {
    definition = (ObjectNode) mapper.readTree(VALID);
  }

  @Test
  void loadsAValidDefinitionIntoTheCatalog() throws IOException {
    write("ketamine-order-check.json", definition);

    var catalog = loader().load();

    var service = catalog.require("ketamine-order-check");
    assertThat(service.hooks()).containsExactly(Hook.ORDER_SIGN, Hook.ORDER_SELECT);
    assertThat(service.library()).isEqualTo(new CqlLibraryRef("KetamineOrderCheck", "1.0.0"));
    assertThat(service.rules()).extracting(r -> r.id()).containsExactly("esketamine-aneurysm");
    assertThat(service.requiredExpressions())
        .containsExactlyInAnyOrder("Has Aneurysm", "Aneurysm Display", "Evidence", "Draft Order Reference", "Patient Id");
    assertThat(service.prefetch()).containsKeys("patient", "conditions");
  }

  @Test
  void evaluatesTheConditionsFirstAndWhatACardShowsOnlyWhenItsConditionIsMet() throws IOException {
    var second = ((ObjectNode) definition.at("/_config/cards/0")).deepCopy();
    second.put("id", "aneurysm-plain").putObject("card").put("summary", "Aneurysm").put("indicator", "critical")
        .putObject("source").put("label", "test");
    ((com.fasterxml.jackson.databind.node.ArrayNode) definition.at("/_config/cards")).add(second);
    write("ketamine-order-check.json", definition);

    var service = loader().load().require("ketamine-order-check");

    assertThat(service.firstExpressions()).containsExactly("Has Aneurysm");
    assertThat(service.expressionsWhenMet()).containsOnlyKeys("Has Aneurysm");
    assertThat(service.expressionsWhenMet().get("Has Aneurysm"))
        .containsExactlyInAnyOrder("Aneurysm Display", "Evidence", "Draft Order Reference", "Patient Id");
  }

  @Test
  void ignoresTheExamplesFolder() throws IOException {
    write("ketamine-order-check.json", definition);
    Files.createDirectories(dir.resolve("examples/ketamine-order-check"));
    Files.writeString(dir.resolve("examples/ketamine-order-check/case.json"), "{\"description\": \"not a service\"}");

    assertThat(loader().load().all()).extracting(ServiceDefinition::id).containsExactly("ketamine-order-check");
  }

  @Test
  void loadsNothingFromAnEmptyFolder() {
    assertThat(loader().load().all()).isEmpty();
  }

  @Test
  void rejectsAnIdThatDiffersFromTheFileName() throws IOException {
    write("other-name.json", definition);

    assertThat(errors()).contains(
        "other-name.json: id: \"ketamine-order-check\" does not match the file name (expected \"other-name\")");
  }

  @Test
  void rejectsAnUnknownHook() throws IOException {
    definition.put("hook", "order-sgn");
    definition.withObject("/_config").putArray("additionalHooks").add("order-select").add("encounter-start");

    assertThat(errors()).contains(
        "ketamine-order-check.json: hook: must be one of patient-view, order-select, order-sign, medication-prescribe",
        "ketamine-order-check.json: _config.additionalHooks[1]: must be one of patient-view, order-select, order-sign, medication-prescribe");
  }

  @Test
  void rejectsAnAdditionalHookThatIsTheMainHook() throws IOException {
    definition.withObject("/_config").putArray("additionalHooks").add("order-sign");

    assertThat(errors()).contains(
        "ketamine-order-check.json: _config.additionalHooks[0]: \"order-sign\" is already answered by this service");
  }

  @Test
  void rejectsAnUnknownLibrary() throws IOException {
    definition.withObject("/_config/cql/library").put("id", "KetamineOrderChek");

    assertThat(errors()).containsExactly(
        "ketamine-order-check.json: _config.cql.library.id: unknown CQL library \"KetamineOrderChek\" (loaded: KetamineOrderCheck)");
  }

  @Test
  void rejectsALibraryVersionOtherThanTheLoadedOne() throws IOException {
    definition.withObject("/_config/cql/library").put("version", "2.0.0");

    assertThat(errors()).containsExactly("ketamine-order-check.json: _config.cql.library.version: \"2.0.0\" does not "
        + "match the loaded library KetamineOrderCheck (version \"1.0.0\")");
  }

  @Test
  void rejectsAnUnknownDefineInTheConditionExpression() throws IOException {
    rule().put("conditionExpression", "Has Aneursym");

    assertThat(errors()).containsExactly("ketamine-order-check.json: _config.cards[0].conditionExpression: "
        + "unknown define \"Has Aneursym\" in library KetamineOrderCheck");
  }

  @Test
  void rejectsAnUnknownDefineInAnyTemplate() throws IOException {
    card().put("detail", "See ${Evidnce}");
    card().withObject("/suggestions/0/actions/1/resource/subject").put("reference", "Patient/${Patient Identifier}");

    assertThat(errors()).containsExactly(
        "ketamine-order-check.json: _config.cards[0].card.detail: unknown define \"Evidnce\" in ${Evidnce} (library KetamineOrderCheck)",
        "ketamine-order-check.json: _config.cards[0].card.suggestions[0].actions[1].resource.subject.reference: "
            + "unknown define \"Patient Identifier\" in ${Patient Identifier} (library KetamineOrderCheck)");
  }

  @Test
  void rejectsABadIndicator() throws IOException {
    card().put("indicator", "urgent");

    assertThat(errors()).containsExactly(
        "ketamine-order-check.json: _config.cards[0].card.indicator: must be one of info, warning, critical");
  }

  @Test
  void rejectsSuggestionsWithoutSelectionBehavior() throws IOException {
    card().remove("selectionBehavior");

    assertThat(errors()).containsExactly("ketamine-order-check.json: _config.cards[0].card.selectionBehavior: "
        + "is required when suggestions are present (at-most-one, any)");
  }

  @Test
  void rejectsAnOverrideReasonWithoutDisplay() throws IOException {
    card().withObject("/overrideReasons/0").remove("display");

    assertThat(errors()).containsExactly("ketamine-order-check.json: _config.cards[0].card.overrideReasons[0].display: "
        + "is required (CDS Hooks 2.0: override reasons need a display)");
  }

  @Test
  void rejectsASummaryThatCanReach140Characters() throws IOException {
    // 17 literal characters + 60 + 75 = 152
    card().put("summary", "Contraindicated: ${Aneurysm Display:60}${Evidence:75}");

    assertThat(errors()).containsExactly(
        "ketamine-order-check.json: _config.cards[0].card.summary: can reach 152 characters (limit 139)");
  }

  @Test
  void acceptsASummaryOfExactly139Characters() throws IOException {
    card().put("summary", "Contraindicated: ${Aneurysm Display:60}${Evidence:62}");
    write("ketamine-order-check.json", definition);

    assertThat(loader().load().all()).hasSize(1);
  }

  @Test
  void rejectsASummaryPlaceholderWithoutWidth() throws IOException {
    card().put("summary", "Contraindicated: ${Aneurysm Display}");

    assertThat(errors()).containsExactly("ketamine-order-check.json: _config.cards[0].card.summary: "
        + "${Aneurysm Display} needs a maximum width in a summary, e.g. ${Aneurysm Display:40}");
  }

  @Test
  void rejectsAnUnclosedPlaceholder() throws IOException {
    card().put("detail", "See ${Evidence");

    assertThat(errors()).containsExactly(
        "ketamine-order-check.json: _config.cards[0].card.detail: has a \"${\" that is never closed");
  }

  @Test
  void rejectsAnUnknownPrefetchToken() throws IOException {
    definition.withObject("/prefetch").put("meds", "MedicationRequest?patient={{context.patient}}&date=gt{{today()}}");

    assertThat(errors()).containsExactly(
        "ketamine-order-check.json: prefetch.meds: unknown token {{context.patient}} (allowed: context.encounterId, "
            + "context.patientId, context.userId, userPatientId, userPractitionerId, userPractitionerRoleId, userRelatedPersonId)",
        "ketamine-order-check.json: prefetch.meds: unknown token {{today()}} (allowed: context.encounterId, "
            + "context.patientId, context.userId, userPatientId, userPractitionerId, userPractitionerRoleId, userRelatedPersonId)");
  }

  @Test
  void acceptsEveryPrefetchTokenOfTheSpec() throws IOException {
    definition.withObject("/prefetch")
        .put("user", "Practitioner/{{userPractitionerId}}")
        .put("role", "PractitionerRole/{{userPractitionerRoleId}}")
        .put("self", "Patient/{{userPatientId}}")
        .put("related", "RelatedPerson/{{userRelatedPersonId}}")
        .put("encounter", "Encounter/{{context.encounterId}}")
        .put("who", "Practitioner?_id={{ context.userId }}")
        .put("phq9", "Observation?patient={{context.patientId}}&code=http://loinc.org|44261-6");
    write("ketamine-order-check.json", definition);

    assertThat(loader().load().all()).hasSize(1);
  }

  @Test
  void rejectsAnAbsolutePrefetchUrl() throws IOException {
    definition.withObject("/prefetch").put("patient", "https://ehr.example.org/fhir/Patient/{{context.patientId}}");

    assertThat(errors()).containsExactly("ketamine-order-check.json: prefetch.patient: must be a relative FHIR query, "
        + "e.g. Patient/{{context.patientId}}");
  }

  @Test
  void rejectsAnActionWithoutDescription() throws IOException {
    card().withObject("/suggestions/0/actions/0").remove("description");

    assertThat(errors()).containsExactly(
        "ketamine-order-check.json: _config.cards[0].card.suggestions[0].actions[0].description: is required");
  }

  @Test
  void rejectsADeleteWithoutResourceId() throws IOException {
    card().withObject("/suggestions/0/actions/0").remove("resourceId");

    assertThat(errors()).containsExactly(
        "ketamine-order-check.json: _config.cards[0].card.suggestions[0].actions[0].resourceId: is required");
  }

  @Test
  void rejectsACreateWithoutResource() throws IOException {
    card().withObject("/suggestions/0/actions/1").remove("resource");

    assertThat(errors()).containsExactly(
        "ketamine-order-check.json: _config.cards[0].card.suggestions[0].actions[1].resource: is required for create");
  }

  @Test
  void rejectsAResourceOfNoFhirType() throws IOException {
    card().withObject("/suggestions/0/actions/1/resource").put("resourceType", "ServiceReq");

    assertThat(errors()).containsExactly("ketamine-order-check.json: "
        + "_config.cards[0].card.suggestions[0].actions[1].resource.resourceType: must name a FHIR R4 resource type");
  }

  @Test
  void rejectsAMisspeltFieldNamingItsPath() throws IOException {
    card().put("sumary", "typo");
    rule().put("condition", "Has Aneurysm");

    assertThat(errors()).containsExactlyInAnyOrder(
        "ketamine-order-check.json: _config.cards[0].card.sumary: unknown field",
        "ketamine-order-check.json: _config.cards[0].condition: unknown field");
  }

  @Test
  void rejectsAFieldOfTheWrongJsonType() throws IOException {
    definition.withObject("/_config").putObject("cards");

    assertThat(errors()).containsExactly("ketamine-order-check.json: _config.cards: wrong JSON type (expected an array)");
  }

  @Test
  void rejectsMalformedJsonNamingTheLine() throws IOException {
    Files.writeString(dir.resolve("broken.json"), "{\n  \"id\": \"broken\",\n  \"hook\" \"order-sign\"\n}");

    assertThat(errors()).singleElement().asString().startsWith("broken.json: line 3, column 10: malformed JSON");
  }

  @Test
  void rejectsMissingRequiredFields() throws IOException {
    definition.remove("description");
    card().remove("source");
    card().withObject("/links/0").put("type", "relative");
    rule().remove("id");

    assertThat(errors()).containsExactlyInAnyOrder(
        "ketamine-order-check.json: description: is required",
        "ketamine-order-check.json: _config.cards[0].id: is required",
        "ketamine-order-check.json: _config.cards[0].card.source: is required ({\"label\": \"...\"})",
        "ketamine-order-check.json: _config.cards[0].card.links[0].type: must be one of absolute, smart");
  }

  @Test
  void readsTheDeclaredPrefetchKeysOfARuleAndDefaultsToEveryKey() throws IOException {
    var narrowed = rule().deepCopy().put("id", "narrowed");
    narrowed.putArray("prefetchKeys").add("conditions");
    definition.withArray("/_config/cards").add(narrowed);
    write("ketamine-order-check.json", definition);

    var rules = loader().load().require("ketamine-order-check").rules();

    assertThat(rules.get(0).keysRead(Set.of("patient", "conditions"))).containsExactlyInAnyOrder("patient", "conditions");
    assertThat(rules.get(1).keysRead(Set.of("patient", "conditions"))).containsExactly("conditions");
  }

  @Test
  void rejectsAPrefetchKeyTheServiceDoesNotHave() throws IOException {
    rule().putArray("prefetchKeys").add("conditions").add("medications");

    assertThat(errors()).containsExactly("ketamine-order-check.json: _config.cards[0].prefetchKeys[1]: "
        + "\"medications\" is not a prefetch key of this service (keys: conditions, patient)");
  }

  @Test
  void readsTheOptionalPrefetchKeys() throws IOException {
    ((ObjectNode) definition.get("_config")).putArray("optionalPrefetch").add("conditions");
    write("ketamine-order-check.json", definition);

    var service = loader().load().require("ketamine-order-check");

    assertThat(service.optionalPrefetch()).containsExactly("conditions");
  }

  @Test
  void rejectsAnOptionalPrefetchKeyTheServiceDoesNotHave() throws IOException {
    ((ObjectNode) definition.get("_config")).putArray("optionalPrefetch").add("encounter");

    assertThat(errors()).containsExactly("ketamine-order-check.json: _config.optionalPrefetch[0]: "
        + "\"encounter\" is not a prefetch key of this service (keys: conditions, patient)");
  }

  @Test
  void readsTheGateAndRejectsOneThatIsNoDefineOfTheLibrary() throws IOException {
    ((ObjectNode) definition.get("_config")).put("appliesWhen", "Has Aneurysm");
    write("ketamine-order-check.json", definition);
    assertThat(loader().load().require("ketamine-order-check").appliesWhen()).isEqualTo("Has Aneurysm");

    ((ObjectNode) definition.get("_config")).put("appliesWhen", "Ketamine Orderd");
    write("ketamine-order-check.json", definition);
    assertThat(errors()).containsExactly("ketamine-order-check.json: _config.appliesWhen: "
        + "unknown define \"Ketamine Orderd\" in library KetamineOrderCheck");
  }

  @Test
  void rejectsDuplicateRuleIds() throws IOException {
    definition.withArray("/_config/cards").add(rule().deepCopy());

    assertThat(errors()).containsExactly("ketamine-order-check.json: _config.cards[1].id: \"esketamine-aneurysm\" is "
        + "used by an earlier rule; rule ids must be unique");
  }

  @Test
  void readsAReminderThatDoesNotRepeatOnAnInfoCard() throws IOException {
    card().put("indicator", "info");
    rule().putObject("repeat").put("quietDays", 30);
    write("ketamine-order-check.json", definition);

    var rule = loader().load().require("ketamine-order-check").rules().get(0);

    assertThat(rule.repeat()).isEqualTo(new RepeatPolicy(30));
    assertThat(rule.repeat().quietPeriod()).isEqualTo(java.time.Duration.ofDays(30));
  }

  @Test
  void aRuleWithoutRepeatIsShownOnEveryOrder() throws IOException {
    write("ketamine-order-check.json", definition);

    assertThat(loader().load().require("ketamine-order-check").rules().get(0).repeat()).isNull();
  }

  @Test
  void refusesRepeatOnACriticalOrWarningCard() throws IOException {
    rule().putObject("repeat").put("quietDays", 30);
    var warning = rule().deepCopy().put("id", "warning-rule");
    ((ObjectNode) warning.get("card")).put("indicator", "warning");
    definition.withArray("/_config/cards").add(warning);

    assertThat(errors()).containsExactly(
        "ketamine-order-check.json: _config.cards[0].repeat: is only allowed on an info card (this card is critical): "
            + "a warning or critical card must be shown on every order",
        "ketamine-order-check.json: _config.cards[1].repeat: is only allowed on an info card (this card is warning): "
            + "a warning or critical card must be shown on every order");
  }

  @Test
  void refusesAQuietPeriodOutsideOneTo365Days() throws IOException {
    card().put("indicator", "info");
    rule().putObject("repeat").put("quietDays", 0);
    var missing = rule().deepCopy().put("id", "no-days");
    missing.putObject("repeat");
    var tooLong = rule().deepCopy().put("id", "too-long");
    tooLong.putObject("repeat").put("quietDays", 366);
    definition.withArray("/_config/cards").add(missing).add(tooLong);

    assertThat(errors()).containsExactly(
        "ketamine-order-check.json: _config.cards[0].repeat.quietDays: must be a whole number of days from 1 to 365",
        "ketamine-order-check.json: _config.cards[1].repeat.quietDays: must be a whole number of days from 1 to 365",
        "ketamine-order-check.json: _config.cards[2].repeat.quietDays: must be a whole number of days from 1 to 365");
  }

  @Test
  void refusesAMisspeltRepeatField() throws IOException {
    card().put("indicator", "info");
    rule().putObject("repeat").put("quietDay", 30);

    assertThat(errors()).containsExactly("ketamine-order-check.json: _config.cards[0].repeat.quietDay: unknown field");
  }

  @Test
  void collectsTheErrorsOfEveryFileBeforeFailing() throws IOException {
    card().put("indicator", "urgent");
    write("ketamine-order-check.json", definition);
    var second = definition.deepCopy();
    second.put("id", "second");
    second.put("hook", "chart-open");
    write("second.json", second);

    var failure = catchThrowableOfType(InvalidServiceDefinitionException.class, () -> loader().load());

    assertThat(failure.errors()).containsExactly(
        "ketamine-order-check.json: _config.cards[0].card.indicator: must be one of info, warning, critical",
        "second.json: hook: must be one of patient-view, order-select, order-sign, medication-prescribe",
        "second.json: _config.cards[0].card.indicator: must be one of info, warning, critical");
    assertThat(failure).hasMessageContaining("3 problem(s) in the service definitions at file:");
  }

  private ObjectNode rule() {
    return definition.withObject("/_config/cards/0");
  }

  private ObjectNode card() {
    return definition.withObject("/_config/cards/0/card");
  }

  private List<String> errors() throws IOException {
    try (var files = Files.list(dir)) {
      if (files.findAny().isEmpty()) {
        write("ketamine-order-check.json", definition);
      }
    }
    return catchThrowableOfType(InvalidServiceDefinitionException.class, () -> loader().load()).errors();
  }

  private void write(String name, ObjectNode json) throws IOException {
    Files.writeString(dir.resolve(name), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json));
  }

  private ServiceDefinitionLoader loader() {
    return new ServiceDefinitionLoader(dir.toUri().toString(), new PathMatchingResourcePatternResolver(), CATALOG,
        FhirContext.forR4Cached(), mapper);
  }
}
