package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.IParser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;
import org.opencds.cqf.cql.engine.runtime.Date;
import org.opencds.cqf.cql.engine.runtime.DateTime;
import org.opencds.cqf.cql.engine.runtime.Precision;

/** The fast conversion of FHIR dates gives the engine's own value, object state included, or leaves it to the engine. */
class FhirTemporalsTests {

  private static final R4FhirModelResolver ENGINE = new R4FhirModelResolver(FhirContext.forR4Cached());
  private static final R4PathResolver RESOLVER = new R4PathResolver(FhirContext.forR4Cached());
  private static final IParser PARSER = FhirContext.forR4Cached().newJsonParser();

  /** Every precision, offsets of whole, half and quarter hours both ways, Z, none, leap days, DST change days. */
  private static final List<String> DATE_TIMES = List.of("2024", "1999-12", "2024-02-29", "2021-03-14", "2021-11-07",
      "2021-03-28", "2021-10-31", "1900-01-01", "9999-12-31", "2024-02-29T23:59:59Z", "2021-03-14T02:30:00-05:00",
      "2021-03-14T07:30:00Z", "2021-11-07T01:30:00-04:00", "2021-11-07T01:30:00-05:00", "2024-06-01T10:15:00+05:45",
      "2024-06-01T10:15:00.123+05:30", "2024-06-01T00:00:00-03:30", "2024-06-01T23:59:59.999+14:00",
      "2024-06-01T00:00:00-12:00", "2024-06-01T12:00:00.5Z", "2024-06-01T12:00:00.987654Z",
      "1960-07-04T08:00:00+08:45", "2030-01-15T09:00:00-09:30", "2021-03-28T01:30:00Z", "2021-10-31T00:30:00Z");

  private static final List<String> ZONES = List.of("UTC", "America/New_York", "Europe/London", "Asia/Kathmandu",
      "Australia/Lord_Howe", "America/St_Johns", "Pacific/Kiritimati", "America/Sao_Paulo");

  @Test
  void givesTheEnginesValueForEveryPrecisionOffsetAndDefaultTimeZone() {
    TimeZone saved = TimeZone.getDefault();
    int decided = 0;
    try {
      for (String zone : ZONES) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        for (BaseDateTimeType element : elements()) {
          Object fast = FhirTemporals.toCql(element);
          Object engine = ENGINE.resolvePath(element, "value");
          String what = zone + " " + element.getClass().getSimpleName() + " " + element.getValueAsString();
          if (fast != null) {
            decided++;
            assertSameState(what, fast, engine);
          }
        }
      }
    } finally {
      TimeZone.setDefault(saved);
    }
    assertThat(decided).as("conversions decided here").isGreaterThan(ZONES.size() * DATE_TIMES.size());
  }

  @Test
  void leavesTheUnusualToTheEngine() {
    assertThat(FhirTemporals.toCql(new DateTimeType("1850-03-01"))).as("local mean time era").isNull();
    assertThat(FhirTemporals.toCql(new DateTimeType())).as("no value").isNull();
    assertThat(FhirTemporals.toCql(new DateType("1582-10-10"))).as("Julian calendar era").isNull();
    assertThat(FhirTemporals.toCql(new DateTimeType("2024-03-05") {})).as("a subclass").isNull();
  }

  @Test
  void roundsAnOffsetWithSecondsAsTheEngineDoes() {
    // TemporalHelper.zoneToOffset: seconds -> float hours -> decimal string; DateTime keeps hours and whole minutes
    assertThat(FhirTemporals.engineOffset(ZoneOffset.ofHoursMinutesSeconds(-4, -56, -2)))
        .isEqualTo(ZoneOffset.ofHoursMinutes(-4, -56));
    assertThat(FhirTemporals.engineOffset(ZoneOffset.ofHoursMinutes(5, 45))).isEqualTo(ZoneOffset.ofHoursMinutes(5, 45));
    assertThat(FhirTemporals.engineOffset(ZoneOffset.ofHoursMinutes(-3, -30)))
        .isEqualTo(ZoneOffset.ofHoursMinutes(-3, -30));
  }

  @Test
  void isWhatThePathResolverReturnsForAValue() {
    var resolver = new R4PathResolver(FhirContext.forR4Cached());
    var observation = new org.hl7.fhir.r4.model.Observation();
    observation.setEffective(new DateTimeType("2026-03-01T10:00:00-05:00"));
    observation.setIssuedElement(new InstantType("2026-03-01T10:05:00.250Z"));
    for (String path : List.of("effective.value", "issued.value", "effectiveDateTime.value")) {
      assertSameState(path, resolver.resolvePath(observation, path), ENGINE.resolvePath(observation, path));
    }
  }

  /**
   * A FHIR date sent with a time (a date has neither time nor offset; some interfaces write one) is the date as
   * written, DAY precision, whatever the offset, with Z, without an offset, near midnight where the UTC date differs,
   * and whatever the JVM's time zone; the engine itself refuses it (InvalidPrecision), which degraded the age rules.
   */
  @Test
  void readsADateSentWithATimeAsTheDateItIsWrittenWith() {
    Map<String, LocalDate> written = new LinkedHashMap<>();
    written.put("2010-05-01T10:00:00-05:00", LocalDate.of(2010, 5, 1));
    written.put("2010-05-01T10:00:00+05:30", LocalDate.of(2010, 5, 1));
    written.put("2010-05-01T10:00:00+05:45", LocalDate.of(2010, 5, 1));
    written.put("2010-05-01T10:00:00-03:30", LocalDate.of(2010, 5, 1));
    written.put("2010-05-01T10:00:00Z", LocalDate.of(2010, 5, 1));
    written.put("2010-05-01T00:00:00.000Z", LocalDate.of(2010, 5, 1));
    written.put("2010-05-01T10:00:00", LocalDate.of(2010, 5, 1)); // no offset
    written.put("2010-05-01T23:30:00", LocalDate.of(2010, 5, 1)); // no offset, late evening
    written.put("2010-05-01T23:30:00-10:00", LocalDate.of(2010, 5, 1)); // 2010-05-02 in UTC
    written.put("2010-05-01T23:59:59.999-12:00", LocalDate.of(2010, 5, 1)); // 2010-05-02 in UTC
    written.put("2010-05-01T00:30:00+14:00", LocalDate.of(2010, 5, 1)); // 2010-04-30 in UTC
    written.put("2010-05-01T00:00:00+12:45", LocalDate.of(2010, 5, 1)); // 2010-04-30 in UTC
    written.put("2008-02-29T22:00:00-08:00", LocalDate.of(2008, 2, 29)); // a leap day, 2008-03-01 in UTC
    written.put("2009-12-31T23:00:00-05:00", LocalDate.of(2009, 12, 31)); // the next year in UTC
    written.put("1850-05-01T10:00:00-05:00", LocalDate.of(1850, 5, 1)); // before 1900: still the date written
    TimeZone saved = TimeZone.getDefault();
    try {
      for (String zone : ZONES) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        for (var entry : written.entrySet()) {
          String what = zone + " birthDate " + entry.getKey();
          Patient patient = PARSER.parseResource(Patient.class,
              "{\"resourceType\":\"Patient\",\"birthDate\":\"" + entry.getKey() + "\"}");
          DateType birthDate = patient.getBirthDateElement();
          assertThat(birthDate.getPrecision()).as(what + " (the datum as the engine gets it)")
              .isIn(TemporalPrecisionEnum.MINUTE, TemporalPrecisionEnum.SECOND, TemporalPrecisionEnum.MILLI);
          for (Object read : List.of(FhirTemporals.toCql(birthDate),
              RESOLVER.resolvePath(patient, "birthDate.value"))) {
            assertThat(read).as(what).isInstanceOf(Date.class);
            assertThat(((Date) read).getDate()).as(what).isEqualTo(entry.getValue());
            assertThat(((Date) read).getPrecision()).as(what).isEqualTo(Precision.DAY);
          }
        }
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  /** Set in code rather than parsed: the instant in the element's own zone, i.e. the date its text shows. */
  @Test
  void readsADateSetWithATimeInItsOwnZone() {
    var utc = java.util.Date.from(java.time.Instant.parse("2010-05-02T09:30:00Z"));
    var birthDate = new DateType();
    birthDate.setValue(utc, TemporalPrecisionEnum.SECOND);
    birthDate.setTimeZone(TimeZone.getTimeZone("GMT-10:00"));
    Object read = FhirTemporals.toCql(birthDate);
    assertThat(((Date) read).getDate()).as(birthDate.getValueAsString()).isEqualTo(LocalDate.of(2010, 5, 1));
    assertThat(((Date) read).getPrecision()).isEqualTo(Precision.DAY);
  }

  /** Parsed under the current default time zone, as the service parses a request. */
  private static List<BaseDateTimeType> elements() {
    List<BaseDateTimeType> elements = new ArrayList<>();
    for (String text : DATE_TIMES) {
      elements.add(new DateTimeType(text));
      if (text.contains("T")) {
        try {
          elements.add(new InstantType(text)); // seconds and a zone required
        } catch (ca.uhn.fhir.parser.DataFormatException notAnInstant) {
          // a dateTime only
        }
      }
      if (!text.contains("T")) {
        elements.add(new DateType(text));
      }
    }
    return elements;
  }

  private static void assertSameState(String what, Object fast, Object engine) {
    assertThat(fast).as(what).isInstanceOf(engine.getClass());
    if (engine instanceof DateTime expected) {
      DateTime actual = (DateTime) fast;
      assertThat(actual.getDateTime()).as(what).isEqualTo(expected.getDateTime());
      assertThat(actual.getDateTime().getOffset()).as(what).isEqualTo(expected.getDateTime().getOffset());
      assertThat(actual.getZoneOffset()).as(what).isEqualTo(expected.getZoneOffset());
      assertThat(actual.getPrecision()).as(what).isEqualTo(expected.getPrecision());
    } else {
      Date expected = (Date) engine;
      Date actual = (Date) fast;
      assertThat(actual.getDate()).as(what).isEqualTo(expected.getDate());
      assertThat(actual.getPrecision()).as(what).isEqualTo(expected.getPrecision());
    }
  }
}
