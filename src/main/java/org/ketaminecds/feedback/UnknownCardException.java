package org.ketaminecds.feedback;

/** Feedback names a card uuid this service never issued (for that service): HTTP 422. */
public class UnknownCardException extends RuntimeException {

  private final String cardUuid;

  public UnknownCardException(String cardUuid) {
    super("No card " + cardUuid + " was issued by this service");
    this.cardUuid = cardUuid;
  }

  public String cardUuid() {
    return cardUuid;
  }
}
