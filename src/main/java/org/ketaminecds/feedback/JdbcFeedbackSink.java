package org.ketaminecds.feedback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.ketaminecds.cards.Coding;
import org.ketaminecds.feedback.FeedbackItem.AcceptedSuggestion;
import org.ketaminecds.security.ClientIdentity;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores feedback in the {@code feedback} table, all items of one request in one committed transaction. Each
 * card must have been issued by this service (an {@code issued_card} row written by the audit sink); the rule
 * that produced it is copied onto the feedback row so the report survives the card's purge. A repeat of an
 * item (same service, card, outcome, outcome timestamp, accepted suggestions and override reason code) hits
 * the unique {@code item_key} and is skipped, on H2 and PostgreSQL alike.
 */
@Component
class JdbcFeedbackSink implements FeedbackSink {

  private static final int ATTEMPTS = 3;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final TransactionTemplate savepoint;
  private final MeterRegistry meters;

  JdbcFeedbackSink(JdbcClient jdbc, PlatformTransactionManager transactions, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.meters = meters;
  }

  @Override
  public void store(String serviceId, ClientIdentity client, List<FeedbackItem> items) {
    items.forEach(item -> Objects.requireNonNull(item.outcome(), "feedback outcome (validated by the caller)"));
    ClientIdentity from = client == null ? ClientIdentity.anonymous() : client;
    OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
    List<Stored> stored = null;
    for (int attempt = 1; stored == null; attempt++) {
      try {
        stored = transaction.execute(status -> storeAll(serviceId, from, items, receivedAt));
      } catch (ConcurrencyFailureException e) {
        if (attempt == ATTEMPTS) {
          throw new FeedbackStoreUnavailableException("Feedback store is busy", e);
        }
      } catch (DataAccessException | TransactionException e) {
        throw new FeedbackStoreUnavailableException("Feedback store is unavailable", e);
      }
    }
    stored.forEach(item -> Counter.builder("cds.feedback.items")
        .description("Feedback items stored, by the rule of the card and the outcome")
        .tags("service", serviceId, "rule", item.ruleId(), "outcome", item.outcome().wire())
        .register(meters)
        .increment());
  }

  private List<Stored> storeAll(
      String serviceId, ClientIdentity client, List<FeedbackItem> items, OffsetDateTime receivedAt) {
    List<IssuedCard> cards = items.stream().map(item -> issuedCard(serviceId, client, item)).toList();
    List<Stored> inserted = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      FeedbackItem item = items.get(i);
      IssuedCard card = cards.get(i);
      try {
        // a savepoint per item: on PostgreSQL a failed INSERT aborts the transaction unless rolled back to one
        savepoint.executeWithoutResult(status -> insert(serviceId, client, item, card, receivedAt));
        inserted.add(new Stored(card.ruleId(), item.outcome()));
      } catch (DuplicateKeyException repeat) {
        // the same item was stored before: idempotent no-op
      }
    }
    return inserted;
  }

  /**
   * The card as issued to this client: same {@code iss} and, when the hook call carried a tenant, the same tenant
   * (issue 13, item 4). Another client's feedback on a card is refused as if the card were unknown (422), so it never
   * counts in the report and does not learn which card uuids exist.
   */
  private IssuedCard issuedCard(String serviceId, ClientIdentity client, FeedbackItem item) {
    IssuedCard card = jdbc.sql("""
            SELECT c.rule_id, c.suggestion_uuids, c.issued_at FROM issued_card c
            JOIN invocation_audit a ON a.id = c.audit_id
            WHERE c.service_id = ? AND c.card_uuid = ?
              AND a.client_issuer = ? AND (a.client_tenant IS NULL OR a.client_tenant = ?)
            ORDER BY c.issued_at DESC""")
        .params(serviceId, item.card(), client.issuer(), client.tenant() == null ? "" : client.tenant())
        .query((rs, row) -> new IssuedCard(rs.getString(1), List.of(rs.getString(2).split(",")),
            rs.getObject(3, OffsetDateTime.class)))
        .stream().findFirst()
        .orElseThrow(() -> new UnknownCardException(item.card()));
    for (AcceptedSuggestion accepted : item.acceptedSuggestions()) {
      if (accepted == null || accepted.id() == null || !card.suggestionUuids().contains(accepted.id())) {
        throw new UnknownSuggestionException(item.card(), accepted == null ? null : accepted.id());
      }
    }
    return card;
  }

  private void insert(String serviceId, ClientIdentity client, FeedbackItem item, IssuedCard card,
      OffsetDateTime receivedAt) {
    Coding reason = item.overrideReason() == null ? null : item.overrideReason().reason();
    jdbc.sql("""
            INSERT INTO feedback (item_key, service_id, card_uuid, rule_id, card_issued_at, outcome,
              accepted_suggestions, override_reason_system, override_reason_code, override_reason_display,
              override_user_comment, outcome_timestamp, received_at, client_issuer, client_tenant)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(itemKey(serviceId, item), serviceId, item.card(), card.ruleId(), card.issuedAt(),
            item.outcome().wire(), String.join(",", suggestionIds(item)),
            reason == null ? null : reason.system(), reason == null ? null : reason.code(),
            reason == null ? null : reason.display(),
            item.overrideReason() == null ? null : item.overrideReason().userComment(),
            item.outcomeTimestamp() == null ? null : item.outcomeTimestamp().atOffset(ZoneOffset.UTC),
            receivedAt, client.issuer(), client.tenant())
        .update();
  }

  /** SHA-256 over the item's identity; the user comment and the override display are not part of it. */
  static String itemKey(String serviceId, FeedbackItem item) {
    Coding reason = item.overrideReason() == null ? null : item.overrideReason().reason();
    String identity = String.join("\n", serviceId, item.card(),
        item.outcome() == null ? "" : item.outcome().wire(),
        Objects.toString(item.outcomeTimestamp(), ""),
        String.join(",", suggestionIds(item)),
        reason == null ? "" : Objects.toString(reason.system(), "") + "|" + Objects.toString(reason.code(), ""));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static List<String> suggestionIds(FeedbackItem item) {
    String[] ids = item.acceptedSuggestions().stream().map(AcceptedSuggestion::id).toArray(String[]::new);
    Arrays.sort(ids);
    return List.of(ids);
  }

  private record IssuedCard(String ruleId, List<String> suggestionUuids, OffsetDateTime issuedAt) {}

  private record Stored(String ruleId, FeedbackOutcome outcome) {}
}
