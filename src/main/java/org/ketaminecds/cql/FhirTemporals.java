package org.ketaminecds.cql;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.opencds.cqf.cql.engine.runtime.Date;
import org.opencds.cqf.cql.engine.runtime.DateTime;
import org.opencds.cqf.cql.engine.runtime.Precision;

/**
 * The CQL value of a FHIR date, dateTime or instant, as the engine's model resolver computes it
 * ({@code FhirModelResolver.toDateTime/toDate}), without its detour: the inherited conversion builds a
 * {@code GregorianCalendar} per read, formats the fields into a string and parses it back
 * ({@code OffsetDateTime.parse}), about a tenth of the evaluation of a long chart, where every order and dispense
 * date is read. Here the same fields are taken from the instant in the same zone (the value's own time zone, else the
 * JVM default, as the calendar does), and the offset is rounded through the same float arithmetic as the engine's
 * {@code TemporalHelper.zoneToOffset}, so the result is the same object state.
 *
 * <p>Returns {@code null} ("not decided here": the caller uses the inherited conversion) for anything outside the plain
 * cases: years before 1900 (local mean time offsets with seconds, the Julian calendar of {@code GregorianCalendar}) or
 * after 9999, subclasses. {@code FhirTemporalsTests} checks the equality with the engine over every precision, offset
 * and several default time zones.
 *
 * <p>One reading differs from the engine, on purpose: a FHIR {@code date} (a {@link DateType}, e.g.
 * {@code Patient.birthDate}) whose value carries a time, as some interfaces write it
 * ({@code "2010-05-01T10:00:00-05:00"}; a FHIR date has neither time nor offset), is the date it is written with:
 * the date part in its own offset (in the JVM's time zone when it has none), DAY precision. {@code 23:30-10:00} is
 * still that day, not the next day in UTC. The engine refuses such a value ({@code InvalidPrecision} in
 * {@code FhirModelResolver.toDate}), which made every rule that reads the age degrade (a 16-year-old got no under-18
 * card). The date is taken from the text as written (its first ten characters), so no zone arithmetic can move it; a
 * value set without text falls back to the instant in the element's own zone. Any year is read this way.
 */
final class FhirTemporals {

  private static final BigDecimal SIXTY = new BigDecimal(60);

  private FhirTemporals() {}

  /** The engine's DateTime or Date for this element's value, or null when the inherited conversion must decide. */
  static Object toCql(BaseDateTimeType element) {
    Class<?> type = element.getClass();
    if (type != DateTimeType.class && type != InstantType.class && type != DateType.class) {
      return null;
    }
    java.util.Date value = element.getValue();
    TemporalPrecisionEnum precision = element.getPrecision();
    if (value == null || precision == null || !element.hasValue()) {
      return null;
    }
    TimeZone timeZone = element.getTimeZone();
    ZoneId zone = timeZone != null ? timeZone.toZoneId() : ZoneId.systemDefault();
    ZonedDateTime local = Instant.ofEpochMilli(value.getTime()).atZone(zone);
    if (type == DateType.class && isFinerThanDay(precision)) {
      return writtenDate(element.getValueAsString(), local);
    }
    if (local.getYear() < 1900 || local.getYear() > 9999) {
      return null;
    }
    return type == DateType.class ? date(local, precision) : dateTime(local, precision);
  }

  private static Date date(ZonedDateTime local, TemporalPrecisionEnum precision) {
    return switch (precision) {
      case YEAR -> new Date(LocalDate.of(local.getYear(), 1, 1), Precision.YEAR);
      case MONTH -> new Date(LocalDate.of(local.getYear(), local.getMonthValue(), 1), Precision.MONTH);
      case DAY -> new Date(local.toLocalDate(), Precision.DAY);
      default -> throw new IllegalStateException("a date finer than a day is read by writtenDate: " + precision);
    };
  }

  private static boolean isFinerThanDay(TemporalPrecisionEnum precision) {
    return precision != TemporalPrecisionEnum.YEAR && precision != TemporalPrecisionEnum.MONTH
        && precision != TemporalPrecisionEnum.DAY;
  }

  /**
   * A FHIR date sent with a time: the date as written ({@code yyyy-MM-dd} before the {@code T}), DAY precision; else
   * (no text, e.g. set as a java.util.Date) the date of the instant in the element's own zone, which is the same date.
   */
  private static Date writtenDate(String text, ZonedDateTime local) {
    if (text != null && text.length() > 10 && text.charAt(4) == '-' && text.charAt(7) == '-'
        && text.charAt(10) == 'T') {
      try {
        return new Date(LocalDate.parse(text.substring(0, 10)), Precision.DAY);
      } catch (DateTimeParseException notADate) {
        // not the text HAPI parsed: fall back to the instant
      }
    }
    return new Date(local.toLocalDate(), Precision.DAY);
  }

  private static DateTime dateTime(ZonedDateTime local, TemporalPrecisionEnum precision) {
    ZoneOffset offset = engineOffset(local.getOffset());
    int year = local.getYear();
    return switch (precision) {
      case YEAR -> new DateTime(OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, offset), Precision.YEAR);
      case MONTH -> new DateTime(OffsetDateTime.of(year, local.getMonthValue(), 1, 0, 0, 0, 0, offset),
          Precision.MONTH);
      case DAY -> new DateTime(OffsetDateTime.of(local.toLocalDate().atStartOfDay(), offset), Precision.DAY);
      case MINUTE -> new DateTime(OffsetDateTime.of(year, local.getMonthValue(), local.getDayOfMonth(),
          local.getHour(), local.getMinute(), 0, 0, offset), Precision.MINUTE);
      case SECOND -> new DateTime(OffsetDateTime.of(year, local.getMonthValue(), local.getDayOfMonth(),
          local.getHour(), local.getMinute(), local.getSecond(), 0, offset), Precision.SECOND);
      case MILLI -> new DateTime(OffsetDateTime.of(year, local.getMonthValue(), local.getDayOfMonth(),
          local.getHour(), local.getMinute(), local.getSecond(), local.getNano() / 1_000_000 * 1_000_000, offset),
          Precision.MILLISECOND);
    };
  }

  /**
   * The offset the engine's DateTime ends up with: {@code TemporalHelper.zoneToOffset} turns the zone's seconds into
   * hours through a float and its decimal string, and {@code DateTime} turns that back into hours and whole minutes.
   */
  static ZoneOffset engineOffset(ZoneOffset zoneOffset) {
    int seconds = zoneOffset.getTotalSeconds();
    if (seconds % 900 == 0) { // quarter hours, every offset in use today: exact in a float, nothing lost
      return zoneOffset;
    }
    BigDecimal hours = new BigDecimal(Double.toString((double) (seconds / 60f / 60f)));
    return ZoneOffset.ofHoursMinutes(hours.intValue(), SIXTY.multiply(hours.remainder(BigDecimal.ONE)).intValue());
  }
}
