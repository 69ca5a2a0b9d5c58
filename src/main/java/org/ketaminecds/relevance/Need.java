package org.ketaminecds.relevance;

/**
 * What one retrieve of the content can match.
 *
 * @param type the FHIR resource type retrieved
 * @param codePath the element the code filter reads ({@code code}, {@code medication}), or null when the retrieve
 *     has no code filter the filter understands (then every record of the type passes this part)
 * @param codes the codes that filter can match, or null (no code filter)
 * @param test what the query's {@code where} clause requires of each record, or null (nothing, or not understood)
 * @param existence whether only the existence of one matching record is read ({@code exists [T] R where ...}): one
 *     record that certainly matches stands for all the others
 * @param contextPath the element naming the patient (for an existence witness), or null
 */
public record Need(String type, String codePath, CodeSet codes, RecordTest test, boolean existence,
    String contextPath) {

  public Need {
    if (codePath == null || codes == null) {
      codePath = null;
      codes = null;
    }
  }

  /** Every record of the type. */
  public static Need all(String type) {
    return new Need(type, null, null, null, false, null);
  }

  /** The same need, read only for existence. */
  public Need forExistence(String contextPath) {
    return new Need(type, codePath, codes, test, true, contextPath);
  }

  public Need withTest(RecordTest test) {
    return new Need(type, codePath, codes, test, existence, contextPath);
  }
}
