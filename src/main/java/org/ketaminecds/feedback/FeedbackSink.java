package org.ketaminecds.feedback;

import java.util.List;
import org.ketaminecds.security.ClientIdentity;

/**
 * Where validated feedback goes. Implementations store every item before returning (the controller
 * answers 200 only after this returns), are idempotent on a repeated item, and throw
 * {@link UnknownCardException} for a card uuid this service never issued to {@code client} (same issuer and, when
 * the card's hook call had one, tenant) and
 * {@link FeedbackStoreUnavailableException} when the store is down.
 */
public interface FeedbackSink {

  void store(String serviceId, ClientIdentity client, List<FeedbackItem> items);
}
