package org.ketaminecds.problem;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** Asserts a problem body exactly: status, media type, type URI, status member and title. */
public final class ProblemMatchers {

  private ProblemMatchers() {}

  public static ResultMatcher[] problem(ProblemTypes type) {
    return new ResultMatcher[] {
      status().is(type.status().value()),
      content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
      jsonPath("$.type").value("https://ketamine-cds.org/problems/" + type.slug()),
      jsonPath("$.status").value(type.status().value()),
      jsonPath("$.title").value(type.title())
    };
  }
}
