package org.ketaminecds.contenttest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.ketaminecds.definition.ContentExamples;

/**
 * Every example case of the content written another way (records or codes as EHRs send them), compared with the case
 * as written: what each case gives as written is computed once per test class.
 *
 * @param <T> what is compared: the cards, the degraded rules...
 */
final class ExampleVariants<T> {

  /** The result of one comparison over all cases. */
  record Outcome(int changed, List<String> differences) {}

  private final BiFunction<String, ObjectNode, T> outcome;
  private final boolean onEveryCore;
  private final Map<String, T> asWritten = new ConcurrentHashMap<>();
  /**
   * The cases, their relative dates rolled once: a case written with {@code ${now-3h}} rolled again for a later
   * comparison can fall on the next day, and its cards would differ from those as written for that reason alone (the
   * forms run for minutes; before, a run across 03:00 UTC failed every form on four blood-pressure cases).
   */
  private final List<ContentExamples.Example> examples = ContentExamples.all();

  /**
   * One case at a time: for rewrites that change shared state (FetchedFromEhrServerContentTests serves each case from
   * one stand-in FHIR server).
   *
   * @param outcome what a case gives: service id and request to the value compared
   */
  ExampleVariants(BiFunction<String, ObjectNode, T> outcome) {
    this(outcome, false);
  }

  private ExampleVariants(BiFunction<String, ObjectNode, T> outcome, boolean onEveryCore) {
    this.outcome = outcome;
    this.onEveryCore = onEveryCore;
  }

  /**
   * The cases on every core, for rewrites of the request alone (the same-meaning forms: about 45 forms x 1,400 cases
   * made RealWorldDataContentTests the suite's longest class); the evaluation serves concurrent calls.
   */
  static <T> ExampleVariants<T> onEveryCore(BiFunction<String, ObjectNode, T> outcome) {
    return new ExampleVariants<>(outcome, true);
  }

  /**
   * Rewrites a fresh request of every case with {@code rewrite}; for each one it changed, {@code differs} gets the
   * case's value as written and as rewritten and says what differs (null: nothing).
   */
  Outcome compare(Consumer<ObjectNode> rewrite, BiFunction<T, T, String> differs) {
    return compare((service, request) -> rewrite.accept(request), differs);
  }

  /**
   * The same with a rewrite that depends on the case's service (its id is the first argument). Differences are
   * reported in case order.
   */
  Outcome compare(BiConsumer<String, ObjectNode> rewrite, BiFunction<T, T, String> differs) {
    var results = (onEveryCore ? examples.parallelStream() : examples.stream()).map(example -> {
      var request = example.freshRequest();
      var before = request.toString();
      rewrite.accept(example.service(), request);
      if (before.equals(request.toString())) {
        return Optional.<Optional<String>>empty();
      }
      var id = example.service() + "/" + example.name();
      var written = asWritten.computeIfAbsent(id, key -> outcome.apply(example.service(), example.freshRequest()));
      var difference = differs.apply(written, outcome.apply(example.service(), request));
      return Optional.of(Optional.ofNullable(difference == null ? null : id + ": " + difference));
    }).toList();
    var changed = (int) results.stream().filter(Optional::isPresent).count();
    List<String> differences = results.stream().flatMap(Optional::stream).flatMap(Optional::stream).toList();
    return new Outcome(changed, differences);
  }
}
