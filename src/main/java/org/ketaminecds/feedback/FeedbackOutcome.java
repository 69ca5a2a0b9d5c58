package org.ketaminecds.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

public enum FeedbackOutcome {
  ACCEPTED("accepted"),
  OVERRIDDEN("overridden");

  private final String wire;

  FeedbackOutcome(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static FeedbackOutcome fromWire(String value) {
    return Arrays.stream(values()).filter(o -> o.wire.equals(value)).findFirst().orElse(null);
  }
}
