package org.ketaminecds.cards;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How many suggestions of one card the user may accept, CDS Hooks 2.0 §Card attributes. */
public enum SelectionBehavior {
  AT_MOST_ONE("at-most-one"),
  ANY("any");

  private final String wire;

  SelectionBehavior(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static SelectionBehavior fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst().orElse(null);
  }
}
