package org.ketaminecds.explain;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * Why each rule of a service fired or stayed quiet for one hook request: for an informaticist (console, admin
 * endpoint), never part of a response to an EHR. It holds the patient data's values, so it is only ever returned to
 * the caller who sent that data, and never logged.
 *
 * @param service the service id
 * @param hook the request's hook
 * @param contentVersion the content version that answered (see {@code /admin/content})
 * @param evaluatedAt the evaluation time ({@code Now()} in CQL)
 * @param prefetchMillis time spent getting the patient's data (prefetch, fetches)
 * @param evaluationMillis time spent evaluating every define traced
 * @param rules one entry per card rule, in the service definition's order
 */
public record Explanation(String service, String hook, long contentVersion, ZonedDateTime evaluatedAt,
    double prefetchMillis, double evaluationMillis, List<Rule> rules) {

  public Explanation {
    rules = List.copyOf(rules);
  }

  /**
   * One card rule.
   *
   * @param id the rule id ({@code _config.cards[].id})
   * @param outcome {@code fired} (a card was sent), {@code repeat} (it fired, but the endpoint would leave the card
   *     out now: a reminder returned before to this patient without new information), {@code quiet} (condition
   *     false, null or an empty list) or {@code degraded} (no card because a define failed or the card could not be
   *     rendered)
   * @param indicator the card's indicator
   * @param summary the summary of the card sent, when it fired
   * @param degradedReason why it degraded
   * @param condition the condition define
   * @param defines the other defines the card's text reads, in the order they appear; not evaluated when the
   *     condition was not met
   * @param evidence every resource the condition and those defines retrieved, as {@code Type/id}
   */
  public record Rule(String id, String outcome, String indicator, String summary, String degradedReason,
      Define condition, List<Define> defines, List<String> evidence) {

    public Rule {
      defines = List.copyOf(defines);
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * One define.
   *
   * @param name the define name
   * @param evaluated false when it was not needed (the card's text of a condition not met)
   * @param value its value as the card text shows it ({@code null} for no value)
   * @param type the CQL value's kind: Boolean, List (with its size), String, Tuple, Date, ... or null
   * @param resources the FHIR resources it retrieved, directly or through the defines it uses ({@code Type/id})
   * @param millis how long it took to evaluate; a define it shares with one evaluated before it was already done
   * @param failure why it failed, null when it did not
   */
  public record Define(String name, boolean evaluated, String value, String type, List<String> resources,
      double millis, String failure) {

    public Define {
      resources = resources == null ? List.of() : List.copyOf(resources);
    }
  }
}
