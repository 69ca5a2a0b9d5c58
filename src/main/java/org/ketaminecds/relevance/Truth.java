package org.ketaminecds.relevance;

/** Three-valued answer of a test on one resource: UNKNOWN means the filter cannot decide, so the resource is kept. */
public enum Truth {
  TRUE, FALSE, UNKNOWN;

  public static Truth of(boolean value) {
    return value ? TRUE : FALSE;
  }

  Truth not() {
    return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
  }

  Truth and(Truth other) {
    return this == FALSE || other == FALSE ? FALSE : this == TRUE && other == TRUE ? TRUE : UNKNOWN;
  }

  Truth or(Truth other) {
    return this == TRUE || other == TRUE ? TRUE : this == FALSE && other == FALSE ? FALSE : UNKNOWN;
  }
}
