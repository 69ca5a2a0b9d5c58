package org.ketaminecds.cards;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Suggestion action type, CDS Hooks 2.0 §Action. */
public enum ActionType {
  CREATE("create"),
  UPDATE("update"),
  DELETE("delete");

  private final String wire;

  ActionType(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static ActionType fromWire(String value) {
    return Arrays.stream(values()).filter(a -> a.wire.equals(value)).findFirst().orElse(null);
  }
}
