package org.ketaminecds.feedback;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For full-stack tests: a FeedbackSink that accepts every item, registered only while the application has none
 * of its own (the storage feature brings the real one; @Bean conditions are evaluated after component scanning).
 */
@TestConfiguration(proxyBeanMethods = false)
public class FallbackFeedbackSink {

  @Bean
  @ConditionalOnMissingBean(FeedbackSink.class)
  FeedbackSink acceptingFeedbackSink() {
    return (serviceId, client, items) -> { };
  }
}
