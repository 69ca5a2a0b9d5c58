package org.ketaminecds.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rolls the dates of content data (example cases, demo patients) to the day it is used: inside any JSON string, {@code ${today}},
 * {@code ${today-30d}}, {@code ${now}}, {@code ${now-2h}} (units h, d, w, m = months, y) become
 * yyyy-MM-dd (today, in the zone of {@code now}) or an ISO instant in UTC (now, whole seconds). A date may be cut to
 * the precision a record gives: {@code ${today-300d:month}} is yyyy-MM, {@code ${today-2y:year}} is yyyy (FHIR dates
 * known only to the month or year).
 */
public final class RelativeDates {

  private static final Pattern ANY = Pattern.compile("\\$\\{(?:today|now)\\b[^}]*}");
  private static final Pattern TOKEN = Pattern.compile(
      "\\$\\{(today|now)(?:\\s*([+-])\\s*(\\d+)([hdwmy]))?(?::(year|month))?}");

  private final ZonedDateTime now;

  public RelativeDates(ZonedDateTime now) {
    this.now = now;
  }

  /** A copy of {@code tree} with every date token replaced. */
  public JsonNode substitute(JsonNode tree) {
    if (tree instanceof ObjectNode object) {
      var copy = object.objectNode();
      object.fields().forEachRemaining(e -> copy.set(e.getKey(), substitute(e.getValue())));
      return copy;
    }
    if (tree instanceof ArrayNode array) {
      var copy = array.arrayNode();
      array.forEach(element -> copy.add(substitute(element)));
      return copy;
    }
    return tree.isTextual() ? TextNode.valueOf(substitute(tree.textValue())) : tree;
  }

  /** @throws IllegalArgumentException for a token that is not one of the forms above */
  public String substitute(String text) {
    var out = new StringBuilder();
    var tokens = ANY.matcher(text);
    while (tokens.find()) {
      var token = TOKEN.matcher(tokens.group());
      if (!token.matches()) {
        throw new IllegalArgumentException("unknown date token " + tokens.group()
            + " (use ${today}, ${today-30d}, ${today-30d:month}, ${today-2y:year}, ${now}, ${now+2h}; units h, d, w,"
            + " m, y)");
      }
      tokens.appendReplacement(out, Matcher.quoteReplacement(value(token)));
    }
    tokens.appendTail(out);
    return out.toString();
  }

  private String value(Matcher token) {
    var today = "today".equals(token.group(1));
    var moment = now;
    if (token.group(2) != null) {
      var amount = Long.parseLong(token.group(3)) * ("-".equals(token.group(2)) ? -1 : 1);
      var unit = switch (token.group(4)) {
        case "h" -> ChronoUnit.HOURS;
        case "d" -> ChronoUnit.DAYS;
        case "w" -> ChronoUnit.WEEKS;
        case "m" -> ChronoUnit.MONTHS;
        default -> ChronoUnit.YEARS;
      };
      if (today && unit == ChronoUnit.HOURS) {
        throw new IllegalArgumentException(token.group() + ": a date has no hours, use ${now-" + token.group(3) + "h}");
      }
      moment = moment.plus(amount, unit);
    }
    if (token.group(5) != null && !today) {
      throw new IllegalArgumentException(token.group() + ": only a date (${today...}) can be cut to a month or year");
    }
    if (!today) {
      return moment.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    }
    var date = moment.toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
    return token.group(5) == null ? date : date.substring(0, "year".equals(token.group(5)) ? 4 : 7);
  }
}
