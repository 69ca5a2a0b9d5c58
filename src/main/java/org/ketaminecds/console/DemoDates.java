package org.ketaminecds.console;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rolls demo data to the day it is served, with the tokens of the example cases (README, "Example / test case"):
 * {@code ${today}}, {@code ${today-30d}}, {@code ${now}}, {@code ${now-2h}}; units h, d, w, m (months), y. A date
 * becomes yyyy-MM-dd in the zone of {@code now}, a moment an ISO instant in UTC (whole seconds). The demo
 * patients therefore never go stale.
 */
final class DemoDates {

  private static final Pattern ANY = Pattern.compile("\\$\\{(?:today|now)\\b[^}]*}");
  private static final Pattern TOKEN = Pattern.compile("\\$\\{(today|now)(?:([+-])(\\d{1,5})([hdwmy]))?}");

  private final ZonedDateTime now;

  DemoDates(ZonedDateTime now) {
    this.now = now;
  }

  /** @throws IllegalArgumentException naming the first token that is not one of the forms above */
  String substitute(String text) {
    StringBuilder out = new StringBuilder();
    Matcher tokens = ANY.matcher(text);
    while (tokens.find()) {
      Matcher token = TOKEN.matcher(tokens.group());
      if (!token.matches()) {
        throw new IllegalArgumentException("unknown date token " + tokens.group()
            + " (use ${today}, ${today-30d}, ${now}, ${now-2h}; units h, d, w, m, y)");
      }
      tokens.appendReplacement(out, Matcher.quoteReplacement(value(token)));
    }
    tokens.appendTail(out);
    return out.toString();
  }

  private String value(Matcher token) {
    boolean date = "today".equals(token.group(1));
    ZonedDateTime moment = now;
    if (token.group(2) != null) {
      long amount = Long.parseLong(token.group(3)) * ("-".equals(token.group(2)) ? -1 : 1);
      ChronoUnit unit = switch (token.group(4)) {
        case "h" -> ChronoUnit.HOURS;
        case "d" -> ChronoUnit.DAYS;
        case "w" -> ChronoUnit.WEEKS;
        case "m" -> ChronoUnit.MONTHS;
        default -> ChronoUnit.YEARS;
      };
      if (date && unit == ChronoUnit.HOURS) {
        throw new IllegalArgumentException(token.group() + ": a date has no hours; use ${now-" + token.group(3) + "h}");
      }
      moment = moment.plus(amount, unit);
    }
    return date
        ? moment.toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE)
        : moment.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
