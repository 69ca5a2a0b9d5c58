package org.ketaminecds.contenttest;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.ketaminecds.invocation.HookEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A site that sets {@code cds.cql.parameters.ChartReviewActionableOnly=false} gets the earlier chart review: a TRD
 * status card on every chart opening of a patient with major depression ("TRD not documented", "TRD cannot be
 * assessed", "recorded as in remission"). The cases under
 * {@code src/test/resources/examples-chart-review-all-cards/} expect those cards; with the default (true) the
 * service stays silent for them (cases {@code quiet-*} in {@code cds-hooks/examples/depression-chart-review/}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cds.security.enabled=false",
    "cds.cql.parameters.ChartReviewActionableOnly=false",
    "cds.storage.data-dir=./target/test-data-chart-review-all-cards"})
class ChartReviewAllCardsContentTests {

  @Autowired HookEvaluation evaluation;

  @TestFactory
  Stream<DynamicNode> withActionableOnlyOffEveryChartOpeningOfADepressedPatientGetsATrdStatusCard() {
    return ExampleTests.of(Path.of("src/test/resources/examples-chart-review-all-cards"), evaluation);
  }
}
