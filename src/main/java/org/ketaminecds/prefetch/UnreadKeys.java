package org.ketaminecds.prefetch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ketaminecds.relevance.DataNeeds;
import org.ketaminecds.relevance.Need;
import org.ketaminecds.relevance.RecordTest;

/**
 * Whether a prefetch key that was not sent can be left unfetched when resolving for a few defines only (a service
 * gate, {@link PrefetchResolver#resolveWithoutServer}): when nothing those defines read can come from it. That is so
 * when the needs hold nothing of the key's resource type (nor of a type it includes), or when every need of a
 * MedicationRequest key reads drafts only ({@code M.status.value = 'draft'}, alone or as a conjunct): drafts from the
 * server are left out ({@link AssembledResources}), the context's are the orders being placed. A key this cannot
 * decide is fetched, so the gate is then decided on the whole chart as before.
 */
final class UnreadKeys {

  private static final Pattern TYPE = Pattern.compile("^([A-Z][A-Za-z]+)(?:[/?]|$)");
  private static final Pattern INCLUDE = Pattern.compile("[?&]_(rev)?include(?::iterate)?=([^&]*)");
  /** Search parameters of _include the shipped templates use, by the type they point to. */
  private static final Map<String, String> INCLUDED = Map.of("MedicationRequest:medication", "Medication",
      "MedicationDispense:medication", "Medication", "MedicationStatement:medication", "Medication");

  private UnreadKeys() {}

  /** True when no record {@code template} can bring is read under {@code needs}. */
  static boolean unread(String template, DataNeeds needs) {
    if (needs == null || !needs.filters()) {
      return false;
    }
    Matcher type = TYPE.matcher(template);
    if (!type.find()) {
      return false;
    }
    Matcher include = INCLUDE.matcher(template);
    while (include.find()) {
      String included = include.group(1) == null ? INCLUDED.get(decode(include.group(2))) : null;
      if (included == null || !needs.of(included).isEmpty()) {
        return false;
      }
    }
    List<Need> read = needs.of(type.group(1));
    return read.isEmpty()
        || ("MedicationRequest".equals(type.group(1)) && read.stream().allMatch(UnreadKeys::draftsOnly));
  }

  private static boolean draftsOnly(Need need) {
    RecordTest.OneOf status = statusTest(need.test());
    return status != null && Set.of("draft").containsAll(status.texts());
  }

  /**
   * The status comparison every record passing {@code test} satisfies: the test itself or one of its conjuncts (an
   * absent status makes it null, so such a record does not pass either); null when there is none.
   */
  private static RecordTest.OneOf statusTest(RecordTest test) {
    List<RecordTest> conjuncts = test instanceof RecordTest.All all ? all.operands()
        : test == null ? List.of() : List.of(test);
    for (RecordTest conjunct : conjuncts) {
      if (conjunct instanceof RecordTest.OneOf oneOf && "status".equals(oneOf.path())) {
        return oneOf;
      }
    }
    return null;
  }

  private static String decode(String value) {
    return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
