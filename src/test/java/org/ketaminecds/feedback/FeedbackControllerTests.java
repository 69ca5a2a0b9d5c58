package org.ketaminecds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.ketaminecds.problem.ProblemMatchers.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketaminecds.cards.Coding;
import org.ketaminecds.config.TestWebConfig;
import org.ketaminecds.problem.ProblemTypes;
import org.ketaminecds.security.ClientIdentity;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(controllers = FeedbackController.class, properties = "cds.security.enabled=false")
@Import({TestWebConfig.class, FeedbackReader.class, org.ketaminecds.invocation.InFlightBodies.class})
class FeedbackControllerTests {

  static final String URL = "/cds-services/ketamine-test-check/feedback";

  static final String ACCEPTED = """
      {"feedback": [ {"card": "c-1", "outcome": "accepted", "acceptedSuggestions": [ {"id": "s-1"} ],
                      "outcomeTimestamp": "2025-05-01T10:00:00Z"} ]}""";

  @Autowired MockMvc mvc;
  @MockitoBean FeedbackSink sink;

  @Test
  void storesAcceptedAndOverriddenFeedbackThenAnswers200() throws Exception {
    send("""
        {"feedback": [
          {"card": "c-1", "outcome": "accepted", "acceptedSuggestions": [ {"id": "s-1"} ],
           "outcomeTimestamp": "2025-05-01T10:00:00Z"},
          {"card": "c-2", "outcome": "overridden", "outcomeTimestamp": "2025-05-01T12:00:00+02:00",
           "overrideReason": {"reason": {"system": "http://example.org/r", "code": "benefit", "display": "Benefit"},
                              "userComment": "discussed"}} ]}""")
        .andExpect(status().isOk());

    var items = captureItems(ClientIdentity.anonymous());
    assertThat(items).hasSize(2);
    assertThat(items.get(0).card()).isEqualTo("c-1");
    assertThat(items.get(0).outcome()).isEqualTo(FeedbackOutcome.ACCEPTED);
    assertThat(items.get(0).acceptedSuggestions()).extracting(FeedbackItem.AcceptedSuggestion::id).containsExactly("s-1");
    assertThat(items.get(1).outcome()).isEqualTo(FeedbackOutcome.OVERRIDDEN);
    assertThat(items.get(1).outcomeTimestamp()).isEqualTo(Instant.parse("2025-05-01T10:00:00Z"));
    assertThat(items.get(1).overrideReason().reason()).isEqualTo(new Coding("http://example.org/r", "benefit", "Benefit"));
    assertThat(items.get(1).overrideReason().userComment()).isEqualTo("discussed");
  }

  @Test
  void storesUnderTheVerifiedClientOfTheRequest() throws Exception {
    var client = new ClientIdentity("https://ehr.example.org", "tenant-1", "jti-1");

    mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(ACCEPTED)
            .requestAttr(ClientIdentity.REQUEST_ATTRIBUTE, client))
        .andExpect(status().isOk());

    captureItems(client);
  }

  /** Issue 13, item 5: CDS Hooks 2.0 overrideReason.reason is there only when the user picked one from the list. */
  @Test
  void storesAnOverrideWithOnlyAUserComment() throws Exception {
    send("""
        {"feedback": [ {"card": "c-2", "outcome": "overridden", "outcomeTimestamp": "2025-05-01T10:00:00Z",
                        "overrideReason": {"userComment": "Patient already enrolled in the REMS elsewhere"}} ]}""")
        .andExpect(status().isOk());

    var items = captureItems(ClientIdentity.anonymous());
    assertThat(items).singleElement().satisfies(item -> {
      assertThat(item.overrideReason().reason()).isNull();
      assertThat(item.overrideReason().userComment()).isEqualTo("Patient already enrolled in the REMS elsewhere");
    });
  }

  /** Issue 13, item 4: items per request and text lengths are bounded. */
  @Test
  void returns400ForTooManyItemsOrTextsOverTheirBound() throws Exception {
    var many = new StringBuilder("{\"feedback\": [");
    for (int i = 0; i <= FeedbackLimits.MAX_ITEMS; i++) {
      many.append(i == 0 ? "" : ",").append("{\"card\": \"c-").append(i)
          .append("\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2025-05-01T10:00:00Z\"}");
    }
    send(many.append("]}").toString())
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder("/feedback")));

    send("""
        {"feedback": [ {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2025-05-01T10:00:00Z",
                        "overrideReason": {"reason": {"system": "http://example.org/r", "code": "%s", "display": "d"},
                                           "userComment": "%s"}} ]}"""
        .formatted("c".repeat(FeedbackLimits.MAX_ID_LENGTH + 1), "k".repeat(FeedbackLimits.MAX_CODE_LENGTH + 1),
            "w".repeat(FeedbackLimits.MAX_COMMENT_LENGTH + 1)))
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder("/feedback/0/card",
            "/feedback/0/overrideReason/reason/code", "/feedback/0/overrideReason/userComment")));
    then(sink).should(never()).store(any(), any(), anyList());
  }

  /** Issue 13, item 2: a huge exponent in feedback is a 400 too, before any conversion. */
  @Test
  void returns400ForANumberWithAHugeExponent() throws Exception {
    send("""
        {"feedback": [ {"card": "c-1", "outcome": "accepted", "acceptedSuggestions": [ {"id": "s-1"} ],
                        "outcomeTimestamp": "2025-05-01T10:00:00Z", "extension": {"score": 1e999999999}} ]}""")
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder("/feedback/0/extension/score")));
  }

  @Test
  void returns404ForAnUnknownService() throws Exception {
    mvc.perform(post("/cds-services/no-such-service/feedback").contentType(MediaType.APPLICATION_JSON).content(ACCEPTED))
        .andExpectAll(problem(ProblemTypes.UNKNOWN_SERVICE));
    then(sink).should(never()).store(any(), any(), anyList());
  }

  @Test
  void returns400NamingEveryInvalidField() throws Exception {
    send("""
        {"feedback": [
          {"outcome": "ignored", "outcomeTimestamp": "yesterday"},
          {"card": "c-2", "outcome": "accepted", "outcomeTimestamp": "2025-05-01T10:00:00Z"},
          {"card": "c-3", "outcome": "overridden", "outcomeTimestamp": "2025-05-01 10:00",
           "overrideReason": {"reason": {"display": "no code"}}} ]}""")
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.errors[*].pointer", containsInAnyOrder(
            "/feedback/0/card", "/feedback/0/outcome", "/feedback/0/outcomeTimestamp",
            "/feedback/1/acceptedSuggestions",
            "/feedback/2/outcomeTimestamp", "/feedback/2/overrideReason/reason/system",
            "/feedback/2/overrideReason/reason/code")))
        .andExpect(jsonPath("$.errors[?(@.pointer == '/feedback/1/acceptedSuggestions')].detail")
            .value(hasItem("is required when outcome is accepted")));
    then(sink).should(never()).store(any(), any(), anyList());
  }

  @Test
  void returns400ForAnEmptyOrMissingFeedbackList() throws Exception {
    send("{\"feedback\": []}")
        .andExpectAll(problem(ProblemTypes.INVALID_REQUEST))
        .andExpect(jsonPath("$.errors[*].pointer").value(hasItem("/feedback")));
    send("[1, 2]").andExpectAll(problem(ProblemTypes.INVALID_REQUEST));
    send("{\"feedback\": [").andExpectAll(problem(ProblemTypes.INVALID_REQUEST));
  }

  @Test
  void returns422ForACardThisServiceNeverIssued() throws Exception {
    willThrow(new UnknownCardException("c-1")).given(sink).store(eq("ketamine-test-check"), any(), anyList());

    send(ACCEPTED).andExpectAll(problem(ProblemTypes.UNKNOWN_CARD));
  }

  @Test
  void returns503WhenTheStoreIsDown() throws Exception {
    willThrow(new FeedbackStoreUnavailableException("disk full", null)).given(sink).store(any(), any(), anyList());

    send(ACCEPTED).andExpectAll(problem(ProblemTypes.STORE_UNAVAILABLE));
  }

  @Test
  void returns500InternalErrorWhenTheSinkFailsUnexpectedly() throws Exception {
    willThrow(new IllegalStateException("bug")).given(sink).store(any(), any(), anyList());

    send(ACCEPTED).andExpectAll(problem(ProblemTypes.INTERNAL_ERROR));
  }

  @Test
  void returns415ForAnotherContentType() throws Exception {
    mvc.perform(post(URL).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("card=c-1"))
        .andExpectAll(problem(ProblemTypes.UNSUPPORTED_MEDIA_TYPE));
  }

  private ResultActions send(String body) throws Exception {
    return mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  @SuppressWarnings("unchecked")
  private List<FeedbackItem> captureItems(ClientIdentity client) {
    ArgumentCaptor<List<FeedbackItem>> items = ArgumentCaptor.forClass(List.class);
    then(sink).should().store(eq("ketamine-test-check"), eq(client), items.capture());
    return items.getValue();
  }
}
