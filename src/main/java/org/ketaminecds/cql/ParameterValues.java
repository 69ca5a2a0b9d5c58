package org.ketaminecds.cql;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencds.cqf.cql.engine.runtime.Date;
import org.opencds.cqf.cql.engine.runtime.DateTime;
import org.opencds.cqf.cql.engine.runtime.Quantity;

/**
 * Converts text to the CQL value of a parameter's declared type: the site's configuration ({@link SiteParameters})
 * and a call's own parameters ({@link EvaluationRequest#parameters()}, example cases) alike.
 */
public final class ParameterValues {

  private static final Pattern QUANTITY =
      Pattern.compile("^([+-]?\\d+(?:\\.\\d+)?)\\s*(?:'([^']+)'|([A-Za-z]+))?$");
  private static final Set<String> CALENDAR_UNITS =
      Set.of(
          "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
          "minute", "minutes", "second", "seconds", "millisecond", "milliseconds");

  private ParameterValues() {}

  /**
   * @param type the declared CQL type, such as {@code System.Integer}
   * @throws IllegalArgumentException when the text is no value of that type (the message says why)
   */
  public static Object convert(String type, String text) {
    String value = text == null ? "" : text.trim();
    try {
      return switch (type) {
        case "System.String" -> text == null ? "" : text;
        case "System.Integer" -> Integer.valueOf(value);
        case "System.Long" -> Long.valueOf(value);
        case "System.Decimal" -> new BigDecimal(value);
        case "System.Boolean" -> bool(value);
        case "System.Quantity" -> quantity(value);
        case "System.Date" -> new Date(java.time.LocalDate.parse(value));
        case "System.DateTime" -> new DateTime(OffsetDateTime.parse(value));
        default -> throw new IllegalArgumentException(
            "parameters of type " + type + " cannot be set from configuration");
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a " + type + example(type));
    }
  }

  private static Boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("'" + value + "' is not a System.Boolean (true or false)");
    };
  }

  private static Quantity quantity(String value) {
    Matcher matcher = QUANTITY.matcher(value);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + value + "' is not a System.Quantity" + example("System.Quantity"));
    }
    String unit = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
    if (matcher.group(3) != null && !CALENDAR_UNITS.contains(unit)) {
      throw new IllegalArgumentException(
          "'" + value + "': " + unit + " is no calendar unit; quote UCUM units, as in 140 'mm[Hg]'");
    }
    return new Quantity().withValue(new BigDecimal(matcher.group(1))).withUnit(unit == null ? "1" : unit);
  }

  private static String example(String type) {
    return switch (type) {
      case "System.Quantity" -> " (write 24 months or 140 'mm[Hg]')";
      case "System.Date" -> " (write 2024-01-31)";
      case "System.DateTime" -> " (write 2024-01-31T08:00:00Z)";
      default -> "";
    };
  }
}
