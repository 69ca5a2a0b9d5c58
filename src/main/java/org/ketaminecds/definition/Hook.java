package org.ketaminecds.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The CDS Hooks this service can answer (HL7 CDS Hooks Library), with their wire names. */
public enum Hook {
  PATIENT_VIEW("patient-view"),
  ORDER_SELECT("order-select"),
  ORDER_SIGN("order-sign"),
  /** Deprecated by HL7 in favour of order-select/order-sign; accepted for legacy clients. */
  MEDICATION_PRESCRIBE("medication-prescribe");

  private final String wire;

  Hook(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  /** The hook with this wire name; {@code null} when there is none (the loader reports it). */
  @JsonCreator
  public static Hook fromWire(String value) {
    return Arrays.stream(values()).filter(h -> h.wire.equals(value)).findFirst().orElse(null);
  }

  /** "patient-view, order-select, ..." for messages. */
  public static String wireValues() {
    return Arrays.stream(values()).map(Hook::wire).collect(Collectors.joining(", "));
  }
}
