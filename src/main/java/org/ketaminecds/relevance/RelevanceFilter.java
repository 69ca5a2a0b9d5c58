package org.ketaminecds.relevance;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the resources a rule could read, from the {@link DataNeeds} of the evaluation. A resource is kept when
 * any need of its type may match it (its code filter and where-test are not certainly false), or when it is the
 * first record that certainly satisfies a need read only for existence (the others are then redundant). Whatever
 * the filter cannot decide is kept: types it was told to keep, resources without a type, codes it cannot read,
 * tests on values it cannot read.
 */
public final class RelevanceFilter {

  private RelevanceFilter() {}

  /**
   * The positions of {@code resources} to keep.
   *
   * @param keepTypes types kept whatever the content reads (e.g. Medication before references are resolved)
   * @param reservedKeys {@code Type/id} of resources that may still replace a prefetched one (draft orders): never
   *     an existence witness
   */
  public static BitSet keep(List<? extends ResourceView> resources, DataNeeds needs, String patientId,
      Set<String> keepTypes, Set<String> reservedKeys) {
    BitSet keep = new BitSet(resources.size());
    if (!needs.filters()) {
      keep.set(0, resources.size());
      return keep;
    }
    List<Need> witnessed = new ArrayList<>();
    TextMemo memo = new TextMemo();
    for (int i = 0; i < resources.size(); i++) {
      ResourceView resource = resources.get(i);
      String type = resource.type();
      if (type == null || keepTypes.contains(type)) {
        keep.set(i);
        continue;
      }
      for (Need need : needs.of(type)) {
        Truth code = code(resource, need);
        if (code == Truth.FALSE) {
          continue; // the where-test cannot change that (it may be a costly text test)
        }
        Truth may = need.test() == null ? code : code.and(need.test().on(resource, memo));
        if (may == Truth.FALSE) {
          continue;
        }
        if (!need.existence()) {
          keep.set(i);
          break;
        }
        Truth certain = may.and(patientId == null || need.contextPath() == null
            ? (patientId == null ? Truth.TRUE : Truth.UNKNOWN)
            : resource.refersTo(need.contextPath(), patientId));
        boolean reserved = resource.key() == null || reservedKeys.contains(resource.key());
        if (certain != Truth.TRUE || reserved) {
          keep.set(i); // cannot stand for the others, and may itself be the one that matches
          break;
        }
        if (!containsSame(witnessed, need)) {
          witnessed.add(need);
          keep.set(i);
          break;
        }
      }
    }
    return keep;
  }

  /** The kept elements of a list. */
  public static <T> List<T> select(List<T> items, BitSet keep) {
    List<T> kept = new ArrayList<>(keep.cardinality());
    for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) {
      kept.add(items.get(i));
    }
    return kept;
  }

  private static boolean containsSame(List<Need> witnessed, Need need) {
    for (Need seen : witnessed) {
      if (seen == need) {
        return true;
      }
    }
    return false;
  }

  private static Truth code(ResourceView resource, Need need) {
    if (need.codes() == null) {
      return Truth.TRUE;
    }
    List<String[]> codings = resource.codings(need.codePath());
    if (codings == null) {
      return Truth.UNKNOWN;
    }
    for (String[] coding : codings) {
      if (need.codes().matches(coding[0], coding[1])) {
        return Truth.TRUE;
      }
    }
    return Truth.FALSE;
  }
}
