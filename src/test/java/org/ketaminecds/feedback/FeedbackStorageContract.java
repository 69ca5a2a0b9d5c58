package org.ketaminecds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketaminecds.audit.Invocations.CLIENT;
import static org.ketaminecds.audit.Invocations.SERVICE;
import static org.ketaminecds.audit.Invocations.card;
import static org.ketaminecds.audit.Invocations.invocation;
import static org.ketaminecds.feedback.FeedbackItems.BENEFIT_OUTWEIGHS;
import static org.ketaminecds.feedback.FeedbackItems.NOT_APPLICABLE;
import static org.ketaminecds.feedback.FeedbackItems.accepted;
import static org.ketaminecds.feedback.FeedbackItems.overridden;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.ketaminecds.audit.InvocationAudit.IssuedCard;
import org.ketaminecds.audit.StorageIntegrationSupport;
import org.ketaminecds.audit.TestDatabase;
import org.ketaminecds.cards.Indicator;
import org.ketaminecds.feedback.FeedbackItem.AcceptedSuggestion;
import org.springframework.context.ConfigurableApplicationContext;

/** The feedback store's behaviour, run once per database by {@link FeedbackStorageIntegrationTests}. */
abstract class FeedbackStorageContract extends StorageIntegrationSupport {

  private static final Instant AT = Instant.parse("2026-03-02T10:20:00Z");

  FeedbackStorageContract(TestDatabase database) {
    super(database);
  }

  private FeedbackSink sink() {
    return context().getBean(FeedbackSink.class);
  }

  private IssuedCard issue(String ruleId, int suggestions) {
    IssuedCard card = card(ruleId, Indicator.WARNING, suggestions);
    record(invocation(AT.minusSeconds(60), 15, card));
    return card;
  }

  @Test
  void storesEveryFieldOfAcceptedAndOverriddenItems() {
    IssuedCard rems = issue("esketamine-rems", 2);
    IssuedCard aneurysm = issue("esketamine-aneurysm", 0);

    sink().store(SERVICE, CLIENT, List.of(accepted(rems, AT),
        overridden(aneurysm, NOT_APPLICABLE, "aneurysm repaired 2019", AT.plusSeconds(5))));

    Map<String, Map<String, Object>> rows = new HashMap<>();
    jdbc().sql("SELECT * FROM feedback").query().listOfRows()
        .forEach(row -> rows.put((String) lower(row).get("rule_id"), lower(row)));
    assertThat(rows.get("esketamine-rems"))
        .containsEntry("service_id", SERVICE)
        .containsEntry("card_uuid", rems.uuid())
        .containsEntry("outcome", "accepted")
        .containsEntry("accepted_suggestions", rems.suggestionUuids().get(0))
        .containsEntry("override_reason_code", null)
        .containsEntry("client_issuer", "https://ehr.example.org")
        .containsEntry("client_tenant", "tenant-a");
    assertThat(instant(rows.get("esketamine-rems").get("outcome_timestamp"))).isEqualTo(AT);
    assertThat(instant(rows.get("esketamine-rems").get("received_at"))).isAfter(Instant.now().minusSeconds(60));
    assertThat(rows.get("esketamine-aneurysm"))
        .containsEntry("outcome", "overridden")
        .containsEntry("accepted_suggestions", "")
        .containsEntry("override_reason_system", NOT_APPLICABLE.system())
        .containsEntry("override_reason_code", "not-applicable")
        .containsEntry("override_reason_display", "Not applicable to this patient")
        .containsEntry("override_user_comment", "aneurysm repaired 2019");
  }

  @Test
  void storesARepeatedItemOnce() {
    IssuedCard rems = issue("esketamine-rems", 1);
    FeedbackItem item = accepted(rems, AT);

    sink().store(SERVICE, CLIENT, List.of(item, item));
    sink().store(SERVICE, CLIENT, List.of(item));

    assertThat(count("feedback")).isEqualTo(1);
  }

  @Test
  void storesTheSameCardAgainWhenOutcomeTimeOrReasonDiffer() {
    IssuedCard rems = issue("esketamine-rems", 1);

    sink().store(SERVICE, CLIENT, List.of(overridden(rems, NOT_APPLICABLE, "first", AT)));
    sink().store(SERVICE, CLIENT, List.of(overridden(rems, NOT_APPLICABLE, "comment is not identity", AT)));
    sink().store(SERVICE, CLIENT, List.of(overridden(rems, BENEFIT_OUTWEIGHS, null, AT)));
    sink().store(SERVICE, CLIENT, List.of(overridden(rems, NOT_APPLICABLE, null, AT.plusSeconds(1))));

    assertThat(count("feedback")).isEqualTo(3);
  }

  @Test
  void rejectsACardThisServiceNeverIssuedAndStoresNothingOfTheRequest() {
    IssuedCard rems = issue("esketamine-rems", 1);
    IssuedCard neverIssued = card("esketamine-rems", Indicator.WARNING, 0);

    assertThatThrownBy(() -> sink().store(SERVICE, CLIENT, List.of(accepted(rems, AT), accepted(neverIssued, AT))))
        .isInstanceOf(UnknownCardException.class)
        .extracting(e -> ((UnknownCardException) e).cardUuid()).isEqualTo(neverIssued.uuid());
    assertThat(count("feedback")).isZero();
  }

  @Test
  void rejectsACardIssuedByAnotherService() {
    IssuedCard other = card("some-rule", Indicator.INFO, 0);
    record(invocation("ketamine-chart-review", AT, 10, other));

    assertThatThrownBy(() -> sink().store(SERVICE, CLIENT, List.of(accepted(other, AT))))
        .isInstanceOf(UnknownCardException.class);
    assertThat(count("feedback")).isZero();
  }

  /** Issue 13, item 4: feedback is accepted only from the client the card was issued to, and never counts otherwise. */
  @Test
  void rejectsFeedbackFromAnotherIssuerOrTenantOnTheCard() {
    IssuedCard rems = issue("esketamine-rems", 1);
    var otherIssuer = new org.ketaminecds.security.ClientIdentity("https://other-ehr.example.com", "tenant-a", "jti-9");
    var otherTenant = new org.ketaminecds.security.ClientIdentity(CLIENT.issuer(), "tenant-b", "jti-8");
    var noTenant = new org.ketaminecds.security.ClientIdentity(CLIENT.issuer(), null, "jti-7");

    for (var client : List.of(otherIssuer, otherTenant, noTenant)) {
      assertThatThrownBy(() -> sink().store(SERVICE, client, List.of(accepted(rems, AT))))
          .as(client.toString()).isInstanceOf(UnknownCardException.class);
    }
    assertThat(count("feedback")).isZero();

    sink().store(SERVICE, CLIENT, List.of(accepted(rems, AT)));
    assertThat(count("feedback")).isEqualTo(1);
  }

  @Test
  void storesAnOverrideWithOnlyAUserComment() {
    IssuedCard rems = issue("esketamine-rems", 1);

    sink().store(SERVICE, CLIENT, List.of(overridden(rems, null, "enrolled elsewhere", AT)));

    assertThat(count("feedback")).isEqualTo(1);
  }

  @Test
  void rejectsASuggestionTheCardNeverOffered() {
    IssuedCard rems = issue("esketamine-rems", 1);
    FeedbackItem item = new FeedbackItem(rems.uuid(), FeedbackOutcome.ACCEPTED,
        List.of(new AcceptedSuggestion("not-a-suggestion-of-this-card")), null, AT);

    assertThatThrownBy(() -> sink().store(SERVICE, CLIENT, List.of(item)))
        .isInstanceOf(UnknownSuggestionException.class)
        .hasMessageContaining("not-a-suggestion-of-this-card");
    assertThat(count("feedback")).isZero();
  }

  @Test
  void throwsStoreUnavailableWhenTheDatabaseIsDown() {
    IssuedCard rems = issue("esketamine-rems", 1);
    try (ConfigurableApplicationContext broken = start()) {
      ((HikariDataSource) broken.getBean(DataSource.class)).close();

      assertThatThrownBy(() -> broken.getBean(FeedbackSink.class).store(SERVICE, CLIENT, List.of(accepted(rems, AT))))
          .isInstanceOf(FeedbackStoreUnavailableException.class);
    }
    assertThat(count("feedback")).isZero();
  }

  @Test
  void keepsFeedbackAcrossARestartAndStaysIdempotent() {
    IssuedCard rems = issue("esketamine-rems", 1);
    sink().store(SERVICE, CLIENT, List.of(accepted(rems, AT)));

    restart();
    sink().store(SERVICE, CLIENT, List.of(accepted(rems, AT)));

    assertThat(count("feedback")).isEqualTo(1);
    assertThat(count("issued_card")).isEqualTo(1);
  }

  @Test
  void losesNothingWhenEightThreadsRecordInvocationsAndPostFeedbackAtOnce() throws Exception {
    int threads = 8;
    int rounds = 25;
    IssuedCard shared = issue("shared-rule", 1);
    FeedbackItem sharedItem = accepted(shared, AT);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Void>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(pool.submit((Callable<Void>) () -> {
        go.await();
        for (int i = 0; i < rounds; i++) {
          IssuedCard rems = card("esketamine-rems", Indicator.WARNING, 1);
          IssuedCard aneurysm = card("esketamine-aneurysm", Indicator.CRITICAL, 0);
          record(invocation(AT, 10, rems, aneurysm));
          sink().store(SERVICE, CLIENT, List.of(accepted(rems, AT),
              overridden(aneurysm, NOT_APPLICABLE, "t" + UUID.randomUUID(), AT)));
          sink().store(SERVICE, CLIENT, List.of(accepted(rems, AT), sharedItem));
        }
        return null;
      }));
    }
    go.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    for (Future<Void> result : results) {
      result.get();
    }

    assertThat(count("invocation_audit")).isEqualTo(1 + threads * rounds);
    assertThat(count("issued_card")).isEqualTo(1 + 2 * threads * rounds);
    assertThat(count("feedback")).isEqualTo(1 + 2 * threads * rounds);
    assertThat(countWhere("rule_id = 'esketamine-rems' AND outcome = 'accepted'")).isEqualTo(threads * rounds);
    assertThat(countWhere("rule_id = 'esketamine-aneurysm' AND outcome = 'overridden'"))
        .isEqualTo(threads * rounds);
    assertThat(countWhere("rule_id = 'shared-rule'")).isEqualTo(1);
  }

  private long countWhere(String condition) {
    return jdbc().sql("SELECT COUNT(*) FROM feedback WHERE " + condition).query(Long.class).single();
  }

  /** PostgreSQL's driver returns TIMESTAMP WITH TIME ZONE as java.sql.Timestamp, H2's as OffsetDateTime. */
  private static Instant instant(Object value) {
    return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : ((OffsetDateTime) value).toInstant();
  }

  private static Map<String, Object> lower(Map<String, Object> row) {
    Map<String, Object> lower = new HashMap<>();
    row.forEach((k, v) -> lower.put(k.toLowerCase(), v));
    return lower;
  }
}
