package org.ketaminecds.feedback;

/**
 * Feedback accepts a suggestion the named card never offered: rejected like an unknown card (HTTP 422),
 * nothing of the request is stored.
 */
public class UnknownSuggestionException extends UnknownCardException {

  private final String suggestionUuid;

  public UnknownSuggestionException(String cardUuid, String suggestionUuid) {
    super(cardUuid);
    this.suggestionUuid = suggestionUuid;
  }

  public String suggestionUuid() {
    return suggestionUuid;
  }

  @Override
  public String getMessage() {
    return "Card " + cardUuid() + " issued by this service has no suggestion " + suggestionUuid;
  }
}
