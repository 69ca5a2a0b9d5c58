package org.ketaminecds.cql;

import java.time.Instant;
import java.util.Calendar;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.opencds.cqf.cql.engine.model.ModelResolver;
import org.opencds.cqf.cql.engine.runtime.Date;
import org.opencds.cqf.cql.engine.runtime.DateTime;
import org.opencds.cqf.cql.engine.runtime.Interval;

/**
 * The date filter of a retrieve: does the resource's date (or period) overlap the requested range?
 * The translator only asks for one with EnableDateRangeOptimization, which this project leaves off.
 */
final class DateRanges {

  private DateRanges() {}

  static boolean matches(
      ModelResolver resolver, Object resource, String datePath, String lowPath, String highPath, Interval range) {
    if (range == null || (datePath == null && lowPath == null && highPath == null)) {
      return true;
    }
    Instant start;
    Instant end;
    if (datePath != null) {
      Object value = resolver.resolvePath(resource, datePath);
      if (value instanceof Period period) {
        // has*() first: the get*Element() accessors would add empty elements to the request's resources
        start = period.hasStart() ? bound(period.getStartElement(), false) : null;
        end = period.hasEnd() ? bound(period.getEndElement(), true) : null;
      } else {
        start = bound(value, false);
        end = bound(value, true);
      }
    } else {
      start = lowPath == null ? null : bound(resolver.resolvePath(resource, lowPath), false);
      end = highPath == null ? null : bound(resolver.resolvePath(resource, highPath), true);
    }
    if (start == null && end == null) {
      return false; // no date: cannot be in the range
    }
    Instant rangeStart = bound(range.getLow(), false);
    Instant rangeEnd = bound(range.getHigh(), true);
    return (rangeEnd == null || start == null || !start.isAfter(rangeEnd))
        && (rangeStart == null || end == null || !end.isBefore(rangeStart));
  }

  /** The first or last instant a date covers at its precision (2026-01-10 ends at 23:59:59.999). */
  private static Instant bound(Object value, boolean last) {
    if (value instanceof BaseDateTimeType fhir && fhir.getValue() != null) {
      if (!last) {
        return fhir.getValue().toInstant();
      }
      Calendar calendar = fhir.getValueAsCalendar();
      calendar.add(fhir.getPrecision().getCalendarConstant(), 1);
      return calendar.toInstant().minusMillis(1);
    }
    if (value instanceof DateTime dateTime) {
      return dateTime.getDateTime().toInstant();
    }
    if (value instanceof Date date) {
      return date.toJavaDate().toInstant();
    }
    return null;
  }
}
