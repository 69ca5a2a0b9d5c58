package org.ketaminecds.bench;

import org.ketaminecds.feedback.FeedbackSink;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Beans the benchmarked server needs but the application may not define yet: a feedback sink that drops
 * feedback (feedback is not on the measured path). Registered as an auto-configuration in a folder next to the
 * jar, so it backs off as soon as the application has its own sink. Deliberately not annotated: the tests'
 * component scan must not pick it up; listed in AutoConfiguration.imports its bean methods still apply.
 */
public class BenchFallbacks {

  @Bean
  @ConditionalOnMissingBean
  FeedbackSink benchFeedbackSink() {
    return (serviceId, client, items) -> { };
  }
}
