package org.ketaminecds.cql;

import java.util.Set;
import org.ketaminecds.relevance.DataNeeds;

/** The one facade over the cqframework engine; thread-safe, one engine instance per call. */
public interface CqlEvaluator {

  EvaluationResult evaluate(EvaluationRequest request);

  /**
   * What those defines of the library can retrieve (derived once per loaded content and set of defines), so that
   * earlier steps can leave out resources no rule reads; {@link DataNeeds#everything()} when the filter is off.
   */
  default DataNeeds dataNeeds(String library, Set<String> expressions) {
    return DataNeeds.everything();
  }

  /**
   * The same for a call that sets those CQL parameters itself ({@link EvaluationRequest#parameters()}): what the
   * defines can retrieve whatever values they are given.
   */
  default DataNeeds dataNeeds(String library, Set<String> expressions, Set<String> parameters) {
    return parameters.isEmpty() ? dataNeeds(library, expressions) : DataNeeds.everything();
  }
}
