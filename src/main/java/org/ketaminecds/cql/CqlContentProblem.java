package org.ketaminecds.cql;

/**
 * One problem in the CQL content, located as precisely as known.
 *
 * @param source a file name relative to the content folder ({@code Broken.cql}, {@code
 *     vocabulary/ValueSet-x.json}) or a configuration key
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
record CqlContentProblem(String source, int line, int column, String message) {

  static CqlContentProblem of(String source, String message) {
    return new CqlContentProblem(source, 0, 0, message);
  }

  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ":" + column + ": " + message : source + ": " + message;
  }
}
