package org.ketaminecds.contenttest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.ketaminecds.cards.DegradedRule;
import org.ketaminecds.definition.RelativeDates;
import org.ketaminecds.invocation.HookEvaluation;
import org.ketaminecds.problem.ProblemTypes;

/**
 * Runs example cases in process, through the same steps as the endpoint ({@link HookEvaluation}): reads the case,
 * rolls its dates to today, fills in a hookInstance, evaluates it and checks the cards (with the rule that produced
 * each), the degraded rules and the defines it names. One implementation for the {@code test} command and the
 * JUnit content test.
 */
public final class ExampleRunner {

  /** One in-process hook call; {@link HookEvaluation#evaluate} in the application. */
  @FunctionalInterface
  public interface Evaluator {
    /** @param parameters CQL parameters for this call only, name to a value of its declared type */
    HookEvaluation.Result evaluate(String serviceId, ObjectNode request, Set<String> extraDefines,
        Map<String, Object> parameters);

    /** The CQL parameters the content declares, name to declared types; empty when not known. */
    default Map<String, Set<String>> parameterTypes() {
      return Map.of();
    }

    /** The ids of the service's card rules; empty when not known (then rule names are not checked). */
    default List<String> ruleIds(String serviceId) {
      return List.of();
    }

    /** The application's evaluation steps. */
    static Evaluator of(HookEvaluation evaluation) {
      return new Evaluator() {
        @Override
        public HookEvaluation.Result evaluate(String serviceId, ObjectNode request, Set<String> extraDefines,
            Map<String, Object> parameters) {
          return evaluation.evaluate(serviceId, request, extraDefines, parameters);
        }

        @Override
        public Map<String, Set<String>> parameterTypes() {
          return evaluation.parameterTypes();
        }

        @Override
        public List<String> ruleIds(String serviceId) {
          return evaluation.ruleIds(serviceId);
        }
      };
    }
  }

  private final Evaluator evaluator;
  private final ObjectMapper mapper;
  private final Clock clock;

  public ExampleRunner(Evaluator evaluator, ObjectMapper mapper, Clock clock) {
    this.evaluator = evaluator;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Runs one case file; never throws for a bad case or a failed call, it reports them. */
  public CaseResult run(Path file) {
    var started = System.nanoTime();
    var service = file.toAbsolutePath().getParent().getFileName().toString();
    var name = file.getFileName().toString().replaceFirst("\\.json$", "");
    ExampleCase example;
    ObjectNode request;
    Map<String, Object> parameters;
    try {
      example = ExampleCase.read(file, mapper);
      parameters = example.parameters().isEmpty() ? Map.of() : example.parameters().typed(evaluator.parameterTypes());
      request = (ObjectNode) new RelativeDates(ZonedDateTime.now(clock)).substitute(example.request());
    } catch (IllegalArgumentException | IOException e) {
      return new CaseResult(service, name, file, "", List.of("the case file is invalid: " + e.getMessage()),
          List.of(), List.of(), elapsed(started));
    }
    if (!request.hasNonNull("hookInstance")) {
      request.put("hookInstance", UUID.randomUUID().toString());
    }
    HookEvaluation.Result result;
    try {
      result = evaluator.evaluate(service, request, example.expect().defines().keySet(), parameters);
    } catch (RuntimeException e) {
      var problem = ProblemTypes.of(e).orElse(ProblemTypes.EVALUATION_FAILED);
      return new CaseResult(service, name, file, example.description(),
          List.of("the call failed (HTTP " + problem.status().value() + " " + problem.slug() + "): " + e.getMessage()),
          List.of(), List.of(), elapsed(started));
    }
    var cards = result.cards().stream().map(ReturnedCard::of).toList();
    var failures = new ArrayList<>(unknownRules(example, evaluator.ruleIds(service)));
    failures.addAll(CardExpectations.failures(example.expect(), cards, result.degraded()));
    failures.addAll(DefineExpectations.failures(example.expect().defines(), result.defines()));
    return new CaseResult(service, name, file, example.description(), failures, cards, result.degraded(),
        elapsed(started));
  }

  /** Rule ids the case names that its service does not have: a misspelt id in {@code absent} would pass. */
  private static List<String> unknownRules(ExampleCase example, List<String> known) {
    if (known.isEmpty()) {
      return List.of();
    }
    var named = new TreeSet<String>(example.expect().degraded());
    Stream.concat(example.expect().cards().stream(), example.expect().absent().stream())
        .map(CardPattern::rule).filter(Objects::nonNull).forEach(named::add);
    named.removeAll(known);
    return named.stream().map(rule -> "unknown rule " + rule + ": " + example.service() + " has the rules "
        + String.join(", ", known)).toList();
  }

  private static Duration elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** The outcome of one case. */
  public record CaseResult(String service, String name, Path file, String description, List<String> failures,
      List<ReturnedCard> cards, List<DegradedRule> degraded, Duration elapsed) {

    public CaseResult {
      failures = List.copyOf(failures);
      cards = List.copyOf(cards);
      degraded = List.copyOf(degraded);
    }

    public boolean passed() {
      return failures.isEmpty();
    }

    /** {@code <service>/<case>.json}, as the file is named under the examples folder. */
    public String id() {
      return service + "/" + name + ".json";
    }

    /** Why the case failed and what came back, for a person fixing content; empty when it passed. */
    public String report() {
      if (passed()) {
        return "";
      }
      var report = new StringBuilder(id());
      if (!description.isBlank()) {
        report.append(" (").append(description).append(')');
      }
      report.append(" failed:");
      failures.forEach(f -> report.append("\n  - ").append(f));
      report.append("\n  returned cards:");
      if (cards.isEmpty()) {
        report.append(" none");
      }
      cards.forEach(c -> report.append("\n    ").append(c));
      degraded.forEach(d -> report.append("\n  degraded rule ").append(d.rule()).append(": ").append(d.reason()));
      return report.toString();
    }
  }
}
