package org.ketaminecds.contenttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminecds.cards.DegradedRule;
import org.ketaminecds.invocation.HookEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Data as EHRs really send it, on every example case of the content:
 * <ul>
 *   <li>records never fail a rule: with one kind of record error applied to all its prefetched records, a case
 *       degrades no rule that it does not degrade as written (a failed rule sends no card: one odd dispense anywhere in
 *       the chart once hid the CNS depressant warning, one partial date every TRD card);
 *   <li>codes and records in another form that means the same give the same cards: every coding written as some EHRs
 *       write it (ICD-10-CM without its dot or in lower case, code systems by OID, a local code listed first), every
 *       medication as a contained Medication, every observation time as an instant, every condition status as text
 *       only changes no card; records in another order, codings in another order or records sent twice change not even
 *       a card's detail (before, an aneurysm coded I671, psychosis coded f20.9, a compounded ketamine in a
 *       Medication known by name, a BP sent with effectiveInstant and a pregnancy whose status was text only were
 *       missed).
 * </ul>
 * The same settings as {@link ServiceExamplesContentTests}, so the two share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cds.security.enabled=false",
    "cds.cards.reminders.suppress-repeats=false"})
class RealWorldDataContentTests {

  private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) \\d{2}:\\d{2}");

  @Autowired HookEvaluation evaluation;

  /** What each case degrades as written (most: nothing), and its cards, each computed once for all variants. */
  private static ExampleVariants<Set<String>> degradedCases;
  private static ExampleVariants<List<String>> cardCases;
  private static ExampleVariants<List<String>> wholeCardCases;
  private static ExampleVariants<List<String>> ruleCases;

  @BeforeEach // static: JUnit makes an instance per test, the application context (and so the bean) is shared
  void casesAsWritten() {
    if (degradedCases == null) {
      degradedCases = ExampleVariants.onEveryCore(this::degraded);
      cardCases = ExampleVariants.onEveryCore(this::cards);
      wholeCardCases = ExampleVariants.onEveryCore(this::wholeCards);
      ruleCases = ExampleVariants.onEveryCore(this::rules);
    }
  }

  @ParameterizedTest
  @EnumSource(RecordError.class)
  void degradesNoRuleInAnyExampleCase(RecordError error) {
    Assumptions.assumeTrue(selected(error), "not among -Dcontent.forms");
    var outcome = degradedCases.compare(request -> error.applyTo(request.path("prefetch")), (written, rewritten) -> {
      var added = new TreeSet<>(rewritten);
      added.removeAll(written);
      return added.isEmpty() ? null : added.toString();
    });

    assertThat(outcome.changed()).as("example cases with records this error applies to").isPositive();
    assertThat(outcome.differences()).as(error + " degraded rules in " + outcome.differences().size() + " of "
        + outcome.changed() + " cases").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void givesEveryExampleCaseTheSameCards(SameMeaning form) {
    Assumptions.assumeTrue(selected(form), "not among -Dcontent.forms");
    var cases = switch (form.compared()) {
      case RULES -> ruleCases;
      case SUMMARIES -> cardCases;
      case WHOLE_CARDS -> wholeCardCases;
    };
    var outcome = cases.compare(form.rewrite(),
        (written, rewritten) -> written.equals(rewritten) ? null : rewritten + " instead of " + written);

    assertThat(outcome.changed()).as("example cases this form rewrites").isPositive();
    assertThat(outcome.differences()).as(form + " changed the cards of " + outcome.differences().size() + " of "
        + outcome.changed() + " cases").isEmpty();
  }

  static java.util.stream.Stream<SameMeaning> forms() {
    return SameMeaning.all().stream();
  }

  /**
   * Whether to run this form: all by default; {@code -Dcontent.forms=ROUTES_AS_TEXT_ONLY,NO_DAYS_SUPPLY} runs only those
   * (the loop of an informaticist adding a form: about 20 s a form instead of minutes for all).
   */
  private static boolean selected(Object form) {
    var names = System.getProperty("content.forms", "").trim();
    return names.isEmpty() || java.util.Arrays.asList(names.split("\\s*,\\s*")).contains(form instanceof SameMeaning meaning ? meaning.name() : ((Enum<?>) form).name());
  }

  /** Rule and summary of each card; a time of day after a date is left out (an instant carries one, a date none). */
  private List<String> cards(String service, ObjectNode request) {
    return evaluation.evaluate(service, request, Set.of()).cards().stream()
        .map(card -> card.ruleId() + ": " + TIME_OF_DAY.matcher(card.summary()).replaceAll("$1")).sorted().toList();
  }

  /** Rule and indicator of each card. */
  private List<String> rules(String service, ObjectNode request) {
    return evaluation.evaluate(service, request, Set.of()).cards().stream()
        .map(card -> card.ruleId() + " (" + card.indicator() + ")").sorted().toList();
  }

  /** Rule, summary and detail of each card, times of day left out as in {@link #cards}. */
  private List<String> wholeCards(String service, ObjectNode request) {
    return evaluation.evaluate(service, request, Set.of()).cards().stream()
        .map(card -> card.ruleId() + ": " + TIME_OF_DAY.matcher(card.summary() + "\n" + card.detail()).replaceAll("$1"))
        .sorted().toList();
  }

  private Set<String> degraded(String service, ObjectNode request) {
    var rules = new TreeSet<String>();
    for (DegradedRule rule : evaluation.evaluate(service, request, Set.of()).degraded()) {
      rules.add(rule.rule() + " (" + rule.reason() + ")");
    }
    return rules;
  }
}
