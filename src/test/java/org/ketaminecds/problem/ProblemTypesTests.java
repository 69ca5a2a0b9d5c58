package org.ketaminecds.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketaminecds.definition.UnknownServiceException;
import org.ketaminecds.feedback.FeedbackStoreUnavailableException;
import org.ketaminecds.feedback.UnknownCardException;
import org.ketaminecds.prefetch.PrefetchUnavailableException;
import org.ketaminecds.security.UntrustedFhirServerException;

class ProblemTypesTests {

  @Test
  void keepsItsTypeUrisStable() {
    assertThat(ProblemTypes.PREFETCH_UNAVAILABLE.uri()).hasToString("https://ketamine-cds.org/problems/prefetch-unavailable");
    assertThat(ProblemTypes.values()).extracting(ProblemTypes::slug).doesNotHaveDuplicates()
        .allMatch(slug -> slug.matches("[a-z]+(-[a-z]+)*"));
  }

  @Test
  void mapsEachDomainExceptionToItsType() {
    assertThat(ProblemTypes.of(InvalidRequestException.at("/hook", "is required"))).contains(ProblemTypes.INVALID_REQUEST);
    assertThat(ProblemTypes.of(new UnknownServiceException("x"))).contains(ProblemTypes.UNKNOWN_SERVICE);
    assertThat(ProblemTypes.of(new UntrustedFhirServerException("iss"))).contains(ProblemTypes.CLIENT_NOT_TRUSTED);
    assertThat(ProblemTypes.of(new PrefetchUnavailableException(List.of("k"), "r")))
        .contains(ProblemTypes.PREFETCH_UNAVAILABLE);
    assertThat(ProblemTypes.of(new UnknownCardException("c"))).contains(ProblemTypes.UNKNOWN_CARD);
    assertThat(ProblemTypes.of(new FeedbackStoreUnavailableException("m", null))).contains(ProblemTypes.STORE_UNAVAILABLE);
    assertThat(ProblemTypes.of(new IllegalStateException())).isEmpty();
  }
}
