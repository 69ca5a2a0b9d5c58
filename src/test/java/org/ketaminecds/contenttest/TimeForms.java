package org.ketaminecds.contenttest;

import static org.ketaminecds.contenttest.RequestTrees.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ketaminecds.contenttest.SameMeaning.Compared;

/** Dates, times and dosage schedules in the other shapes FHIR R4 allows for the same moment or rate. */
final class TimeForms {

  private TimeForms() {}

  static final List<SameMeaning> FORMS = List.of(
  /** Observation.effectiveInstant (FHIR R4 effective[x]; device feeds send it): the date at noon UTC. */
  new SameMeaning("OBSERVATION_TIMES_AS_INSTANTS", Compared.SUMMARIES, request -> resources(request, "Observation", observation -> {
    var date = observation.path("effectiveDateTime").asText();
    if (date.length() == 10) {
      observation.remove("effectiveDateTime");
      observation.put("effectiveInstant", date + "T12:00:00Z");
    }
  })),
  /**
   * Every observation time sent as a Period of that one time (effectivePeriod start = end), as laboratory and device
   * interfaces that record a collection interval send it. The same rules must fire.
   */
  new SameMeaning("OBSERVATION_TIMES_AS_PERIODS", Compared.RULES, request -> resources(request, "Observation", observation -> {
    if (observation.path("effectiveDateTime").isTextual()) {
      var time = observation.path("effectiveDateTime").asText();
      observation.remove("effectiveDateTime");
      observation.putObject("effectivePeriod").put("start", time).put("end", time);
    }
  })),
  /**
   * Every record date sent as a date-only value sent instead as a dateTime with a time and a US offset, as most EHRs
   * write them (order, dispense, statement, observation, condition and allergy dates; the birthDate stays a date).
   */
  new SameMeaning("RECORD_DATES_WITH_TIMES_AND_OFFSETS", Compared.SUMMARIES, request -> dates(request, date -> date + "T14:30:00-05:00")),
  /**
   * Every condition's onset and abatement dates sent as a Period of that one date (onsetPeriod / abatementPeriod,
   * start = end), as systems that record every date as a range send them.
   */
  new SameMeaning("CONDITION_DATES_AS_PERIODS", Compared.SUMMARIES, request -> resources(request, "Condition", condition -> {
    for (var name : List.of("onset", "abatement")) {
      if (condition.path(name + "DateTime").isTextual()) {
        var date = condition.path(name + "DateTime").asText();
        condition.remove(name + "DateTime");
        condition.putObject(name + "Period").put("start", date).put("end", date);
      }
    }
  })),
  /**
   * Every daily medication timing (frequency 1-4 per 1 d, nothing else) sent instead as times of day only, as Epic
   * sends it (timeOfDay ["09:00:00"], no frequency or period; FHIR R4 Timing.repeat.timeOfDay: every day at those
   * times). Before, such a timing had no rate: doses unknown, dispensed quantities without a duration.
   */
  new SameMeaning("DAILY_TIMINGS_AS_TIMES_OF_DAY", Compared.SUMMARIES, request -> timings(request, timing -> {
    if (timing.get("repeat") instanceof ObjectNode repeat) {
      timesOfDay(repeat);
    }
  })),
  /**
   * Every once-to-four-times-a-day schedule sent as its timing code only (Timing.code QD, BID, TID or QID of
   * v3-GTSAbbreviation, FHIR R4 value set timing-abbreviation: the code "is understood to be a complete statement of
   * whatever is specified in the structured timing data"; repeat.bounds still applies over it), as order interfaces
   * that send the sig code send it. The same rules must fire.
   */
  new SameMeaning("DAILY_TIMINGS_AS_CODES", Compared.SUMMARIES, request -> timings(request, timing -> {
    if (timing.get("repeat") instanceof ObjectNode repeat && dailyFrequency(repeat) > 0 && !timing.has("code")) {
      var code = List.of("QD", "BID", "TID", "QID").get(dailyFrequency(repeat) - 1);
      repeat.remove(List.of("frequency", "period", "periodUnit"));
      if (repeat.isEmpty()) {
        timing.remove("repeat");
      }
      timing.putObject("code").putArray("coding").addObject()
          .put("system", "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation").put("code", code);
    }
  })),
  /** Every once-to-four-times-a-day schedule written as every 24, 12, 8 or 6 hours (frequency 1, period in h). */
  new SameMeaning("DAILY_PERIODS_IN_HOURS", Compared.SUMMARIES, request -> timings(request, timing -> {
    if (timing.get("repeat") instanceof ObjectNode repeat && dailyFrequency(repeat) > 0) {
      int hours = 24 / dailyFrequency(repeat);
      repeat.put("frequency", 1).put("period", hours).put("periodUnit", "h");
    }
  })));
}
