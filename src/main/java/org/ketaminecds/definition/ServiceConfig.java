package org.ketaminecds.definition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ketaminecds.cards.CardRule;

/**
 * The private block of a definition ({@code _config}), never served in discovery.
 *
 * @param additionalHooks further hooks answered under the same service id (e.g. order-select next to
 *     order-sign, so the sign-time cards replace the select-time ones)
 * @param cql the library whose defines the rules read
 * @param cards the card rules, rendered in this order
 * @param optionalPrefetch prefetch keys the rules can do without (e.g. the ordering encounter): when such a key is
 *     neither prefetched nor obtainable from the FHIR server, the request goes on without it instead of failing
 *     with 412
 * @param appliesWhen optional Boolean define of the library that is false when no rule of the service can fire for
 *     the call (e.g. no ketamine product among the draft orders): it is evaluated first, alone, and when it is false
 *     nothing else is evaluated and the answer has no card. Null, a failure or any other value evaluates every rule
 *     as without it. The content test loop checks it on every example case (a false gate that hides a card fails)
 */
public record ServiceConfig(List<Hook> additionalHooks, Cql cql, List<CardRule> cards, List<String> optionalPrefetch,
    String appliesWhen) {

  /** A definition without {@code appliesWhen}. */
  public ServiceConfig(List<Hook> additionalHooks, Cql cql, List<CardRule> cards, List<String> optionalPrefetch) {
    this(additionalHooks, cql, cards, optionalPrefetch, null);
  }

  public ServiceConfig {
    additionalHooks = copy(additionalHooks);
    cards = copy(cards);
    optionalPrefetch = copy(optionalPrefetch);
  }

  /** {@code _config.cql}. */
  public record Cql(CqlLibraryRef library) {}

  private static <T> List<T> copy(List<T> list) {
    // keeps null elements so the loader can report them by index
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
