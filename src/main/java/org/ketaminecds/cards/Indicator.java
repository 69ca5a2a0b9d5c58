package org.ketaminecds.cards;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Card urgency, CDS Hooks 2.0 §Card attributes; ordered from least to most urgent. */
public enum Indicator {
  INFO("info"),
  WARNING("warning"),
  CRITICAL("critical");

  private final String wire;

  Indicator(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  /** Parses the wire value; {@code null} when it is not one of info, warning, critical. */
  @JsonCreator
  public static Indicator fromWire(String value) {
    return Arrays.stream(values()).filter(i -> i.wire.equals(value)).findFirst().orElse(null);
  }
}
