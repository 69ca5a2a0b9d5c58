package org.ketaminecds.contenttest;

import static org.ketaminecds.contenttest.RequestTrees.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/** Dates, times and dosage schedules in the other shapes FHIR R4 allows for the same moment or rate. */
enum TimeForms implements SameMeaning {
  /** Observation.effectiveInstant (FHIR R4 effective[x]; device feeds send it): the date at noon UTC. */
  OBSERVATION_TIMES_AS_INSTANTS(request -> resources(request, "Observation", observation -> {
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
  OBSERVATION_TIMES_AS_PERIODS(Compared.RULES, request -> resources(request, "Observation", observation -> {
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
  RECORD_DATES_WITH_TIMES_AND_OFFSETS(request -> dates(request, date -> date + "T14:30:00-05:00")),
  /**
   * Every condition's onset and abatement dates sent as a Period of that one date (onsetPeriod / abatementPeriod,
   * start = end), as systems that record every date as a range send them.
   */
  CONDITION_DATES_AS_PERIODS(request -> resources(request, "Condition", condition -> {
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
  DAILY_TIMINGS_AS_TIMES_OF_DAY(request -> timings(request, timing -> {
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
  DAILY_TIMINGS_AS_CODES(request -> timings(request, timing -> {
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
  DAILY_PERIODS_IN_HOURS(request -> timings(request, timing -> {
    if (timing.get("repeat") instanceof ObjectNode repeat && dailyFrequency(repeat) > 0) {
      int hours = 24 / dailyFrequency(repeat);
      repeat.put("frequency", 1).put("period", hours).put("periodUnit", "h");
    }
  }));

  private final Compared compared;
  private final Consumer<ObjectNode> rewrite;

  TimeForms(Consumer<ObjectNode> rewrite) {
    this(Compared.SUMMARIES, rewrite);
  }

  TimeForms(Compared compared, Consumer<ObjectNode> rewrite) {
    this.compared = compared;
    this.rewrite = rewrite;
  }

  @Override
  public Compared compared() {
    return compared;
  }

  @Override
  public Consumer<ObjectNode> rewrite() {
    return rewrite;
  }
}
