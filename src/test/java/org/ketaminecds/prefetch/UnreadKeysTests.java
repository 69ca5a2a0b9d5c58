package org.ketaminecds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ketaminecds.relevance.DataNeeds;
import org.ketaminecds.relevance.Need;
import org.ketaminecds.relevance.RecordTest;

class UnreadKeysTests {

  private static final String ORDERS =
      "MedicationRequest?patient={{context.patientId}}&_include=MedicationRequest:medication";
  private static final RecordTest DRAFT = new RecordTest.OneOf("status", Set.of("draft"));

  private static Need orders(RecordTest test) {
    return Need.all("MedicationRequest").withTest(test);
  }

  @Test
  void aKeyOfATypeTheDefinesDoNotReadIsUnread() {
    var needs = DataNeeds.of(List.of(orders(DRAFT)));

    assertThat(UnreadKeys.unread("Condition?patient={{context.patientId}}", needs)).isTrue();
    assertThat(UnreadKeys.unread("Patient/{{context.patientId}}", needs)).isTrue();
  }

  @Test
  void ordersReadAsDraftsOnlyAreUnreadBecauseDraftsFromTheServerAreLeftOut() {
    assertThat(UnreadKeys.unread(ORDERS, DataNeeds.of(List.of(orders(DRAFT))))).isTrue();
    assertThat(UnreadKeys.unread(ORDERS, DataNeeds.of(List.of(orders(new RecordTest.All(List.of(DRAFT,
        new RecordTest.OneOf("intent", Set.of("order"))))))))).isTrue();
  }

  @Test
  void ordersReadInAnyOtherStatusAreRead() {
    assertThat(UnreadKeys.unread(ORDERS, DataNeeds.of(List.of(orders(
        new RecordTest.OneOf("status", Set.of("draft", "active"))))))).isFalse();
    assertThat(UnreadKeys.unread(ORDERS, DataNeeds.of(List.of(orders(DRAFT), orders(null))))).isFalse();
    assertThat(UnreadKeys.unread(ORDERS, DataNeeds.of(List.of(orders(new RecordTest.Not(DRAFT)))))).isFalse();
    assertThat(UnreadKeys.unread(ORDERS, DataNeeds.of(List.of(orders(new RecordTest.Any(List.of(DRAFT,
        new RecordTest.OneOf("intent", Set.of("order"))))))))).isFalse();
  }

  @Test
  void aKeyIncludingATypeTheDefinesReadIsRead() {
    var needs = DataNeeds.of(List.of(orders(DRAFT), Need.all("Medication")));

    assertThat(UnreadKeys.unread(ORDERS, needs)).isFalse();
    assertThat(UnreadKeys.unread("MedicationRequest?patient=x&_revinclude=Provenance:target",
        DataNeeds.of(List.of(orders(DRAFT))))).isFalse();
  }

  @Test
  void withoutFilteringEveryKeyIsRead() {
    assertThat(UnreadKeys.unread("Condition?patient={{context.patientId}}", DataNeeds.everything())).isFalse();
    assertThat(UnreadKeys.unread("Condition?patient={{context.patientId}}", null)).isFalse();
  }
}
