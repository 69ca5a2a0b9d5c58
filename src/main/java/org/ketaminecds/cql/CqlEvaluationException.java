package org.ketaminecds.cql;

/** A request the CQL runtime cannot evaluate at all (for example an unknown library). */
public class CqlEvaluationException extends RuntimeException {

  public CqlEvaluationException(String message) {
    super(message);
  }
}
