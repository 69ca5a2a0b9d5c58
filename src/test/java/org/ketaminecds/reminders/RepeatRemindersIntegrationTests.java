package org.ketaminecds.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.definition.ContentExamples.ORDER_CHECK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ketaminecds.CdsHttp.Reply;
import org.ketaminecds.ServiceIntegration;
import org.ketaminecds.audit.PatientIdHasher;
import org.ketaminecds.definition.ContentExamples;
import org.ketaminecds.invocation.HookEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "pregnancy status unknown" reminder (rule {@code esketamine-pregnancy-status-unknown}, {@code repeat} 30 days)
 * through the real endpoint and content: shown once per patient while nothing new is known, never at the cost of any
 * other card. Each test has its own patient (a new id every run: the test database outlives the run).
 */
class RepeatRemindersIntegrationTests extends ServiceIntegration {

  static final String CASE = "pregnancy-status-unknown";
  static final String CASE_PATIENT = "p-esk-pregunk";
  static final String REMINDER = "No recent pregnancy status";
  static final String MONITORING = "SPRAVATO: REMS-certified setting only";
  static final String FDA_STATUS = "SPRAVATO: FDA-approved";

  @Autowired JdbcClient jdbc;
  @Autowired PatientIdHasher hasher;
  @Autowired HookEvaluation evaluation;

  @Test
  void theSameEsketamineOrderTwiceGetsTheReminderOnlyTheFirstTime() {
    var patient = newPatient();

    var first = summaries(invoke(order(patient)));
    var second = summaries(invoke(order(patient)));

    assertThat(first).anySatisfy(s -> assertThat(s).contains(REMINDER));
    assertThat(second).noneSatisfy(s -> assertThat(s).contains(REMINDER));
    // only the reminder is left out: the other cards, info ones included, come every time
    assertThat(second).hasSize(first.size() - 1)
        .anySatisfy(s -> assertThat(s).contains(MONITORING))
        .anySatisfy(s -> assertThat(s).contains(FDA_STATUS));
  }

  @Test
  void orderSignAfterOrderSelectOfTheSameDraftIsARepeat() {
    var patient = newPatient();
    var select = order(patient).put("hook", "order-select");
    select.withObject("/context").putArray("selections").add("MedicationRequest/draft-esk-1");

    var atSelect = summaries(invoke(select));
    var atSign = summaries(invoke(order(patient)));

    assertThat(atSelect).anySatisfy(s -> assertThat(s).contains(REMINDER));
    assertThat(atSign).noneSatisfy(s -> assertThat(s).contains(REMINDER)).isNotEmpty();
  }

  @Test
  void anotherPatientGetsTheReminderShownToTheFirst() {
    var first = newPatient();
    var other = newPatient();
    invoke(order(first));

    assertThat(summaries(invoke(order(other)))).anySatisfy(s -> assertThat(s).contains(REMINDER));
    assertThat(summaries(invoke(order(first)))).noneSatisfy(s -> assertThat(s).contains(REMINDER));
  }

  @Test
  void aPregnancyTestInBetweenIsNewInformationSoTheReminderReturnsWhenTheStatusIsUnknownAgain() {
    var patient = newPatient();
    invoke(order(patient));
    var tested = order(patient);
    tested.withObject("/prefetch/pregnancyObservations/entry/0/resource")
        .put("effectiveDateTime", LocalDate.now().minusDays(3).toString());

    var withRecentTest = summaries(invoke(tested));
    var unknownAgain = summaries(invoke(order(patient)));
    var repeated = summaries(invoke(order(patient)));

    assertThat(withRecentTest).noneSatisfy(s -> assertThat(s).contains(REMINDER));
    assertThat(unknownAgain).anySatisfy(s -> assertThat(s).contains(REMINDER));
    assertThat(repeated).noneSatisfy(s -> assertThat(s).contains(REMINDER));
  }

  @Test
  void anOrderWithoutKetamineInBetweenIsNoNewsAndWritesNothing() {
    var patient = newPatient();
    invoke(order(patient));
    var sertraline = order(patient);
    var medication = sertraline.withObject("/context/draftOrders/entry/0/resource")
        .putObject("medicationCodeableConcept");
    medication.put("text", "Sertraline 50 mg tablet");
    medication.putArray("coding").addObject().put("system", "http://www.nlm.nih.gov/research/umls/rxnorm")
        .put("code", "312940");

    var unrelated = summaries(invoke(sertraline));
    var again = summaries(invoke(order(patient)));

    assertThat(unrelated).isEmpty();
    assertThat(again).noneSatisfy(s -> assertThat(s).contains(REMINDER)).isNotEmpty();
  }

  @Test
  void aSuppressedReminderIsNotRecordedAsIssuedSoItNeedsNoFeedback() {
    var patient = newPatient();
    invoke(order(patient));
    invoke(order(patient));

    var issued = jdbc.sql("""
            SELECT COUNT(*) FROM issued_card c JOIN invocation_audit a ON a.id = c.audit_id
            WHERE a.patient_hash = ? AND c.rule_id = 'esketamine-pregnancy-status-unknown'""")
        .param(hasher.hash(patient)).query(Long.class).single();
    var invocations = jdbc.sql("SELECT COUNT(*) FROM invocation_audit WHERE patient_hash = ?")
        .param(hasher.hash(patient)).query(Long.class).single();
    assertThat(invocations).isEqualTo(2);
    assertThat(issued).isEqualTo(1);
  }

  @Test
  void theInProcessEvaluationOfTheContentTestsAndExplainNeverSuppressesAReminder() {
    var patient = newPatient();
    invoke(order(patient));

    for (int i = 0; i < 2; i++) {
      var result = evaluation.evaluate(ORDER_CHECK, order(patient), java.util.Set.of());
      assertThat(result.cards()).extracting(org.ketaminecds.cards.Card::ruleId)
          .contains("esketamine-pregnancy-status-unknown");
    }
  }

  @Test
  void storesNoPatientIdOnlyItsHash() {
    var patient = newPatient();
    invoke(order(patient));

    var rows = jdbc.sql("SELECT patient_hash, service_id, rule_id, evidence FROM card_reminder WHERE patient_hash = ?")
        .param(hasher.hash(patient)).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4))).list();
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.subList(1, 3)).containsExactly(ORDER_CHECK, "esketamine-pregnancy-status-unknown");
      assertThat(String.join(" ", row)).doesNotContain(patient).doesNotContain("pregnancy status");
    });
  }

  private static String newPatient() {
    return "p-rem-" + UUID.randomUUID();
  }

  /** The example case's chart, for another patient. */
  private static ObjectNode order(String patient) {
    var json = ContentExamples.json(ContentExamples.request(ORDER_CHECK, CASE)).replace(CASE_PATIENT, patient);
    try {
      return (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Reply invoke(ObjectNode request) {
    return http.post("/cds-services/" + ORDER_CHECK, ContentExamples.json(request));
  }

  private static List<String> summaries(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    var summaries = new ArrayList<String>();
    reply.json().path("cards").forEach(card -> summaries.add(card.path("summary").asText()));
    return summaries;
  }
}
