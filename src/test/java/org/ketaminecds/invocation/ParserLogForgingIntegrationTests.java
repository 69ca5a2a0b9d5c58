package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.ServiceIntegration;
import org.ketaminecds.definition.ContentExamples;
import org.slf4j.LoggerFactory;

/**
 * Issue 13, item 6: member names from the request never reach the log. HAPI's default parser handler logged one WARN
 * per unknown element quoting its name, so CR/LF and terminal escapes in a name forged log lines and 20,000 unknown
 * members made 20,000 lines. Now each request with parser problems gets one summary line of counts.
 */
class ParserLogForgingIntegrationTests extends ServiceIntegration {

  private static final String FORGED = "FORGED-" + "ENTRY";

  private final Capture capture = new Capture();

  @BeforeEach
  void captureTheLog() {
    capture.start();
    root().addAppender(capture);
  }

  @AfterEach
  void stopCapturing() {
    root().detachAppender(capture);
    capture.stop();
  }

  @Test
  void controlCharactersInMemberNamesNeverForgeALogLine() {
    var request = ContentExamples.request(ContentExamples.ORDER_CHECK, "bp-141-91-elevated");
    var patient = (ObjectNode) request.path("prefetch").path("patient");
    patient.put("x\r\n2026-12-06 INFO " + FORGED + " \u001b[2J\u001b[31m", "v");
    var draft = (ObjectNode) request.path("context").path("draftOrders").path("entry").path(0).path("resource");
    draft.put("y\n" + FORGED + "\u0085\u2028", "v");

    var reply = http.post("/cds-services/" + ContentExamples.ORDER_CHECK, ContentExamples.json(request));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(summaries()).singleElement().asString().contains("UNKNOWN_ELEMENT=2");
    assertThat(capture.lines()).noneMatch(line -> line.contains(FORGED) || line.contains("\u001b"));
  }

  @Test
  void twentyThousandUnknownMembersMakeOneSummaryLine() {
    var request = ContentExamples.request(ContentExamples.ORDER_CHECK, "bp-141-91-elevated");
    var patient = (ObjectNode) request.path("prefetch").path("patient");
    for (int i = 0; i < 20_000; i++) {
      patient.put("unknownMember" + i, i);
    }

    var reply = http.post("/cds-services/" + ContentExamples.ORDER_CHECK, ContentExamples.json(request));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(summaries()).singleElement().asString().contains("UNKNOWN_ELEMENT=20000");
    assertThat(capture.lines()).filteredOn(line -> line.contains("unknownMember")).isEmpty();
    assertThat(capture.lines().size()).isLessThan(50);
  }

  /** The summary is logged as the request ends, which may be just after the client has its answer. */
  private List<String> summaries() {
    long until = System.nanoTime() + 10_000_000_000L;
    List<String> found;
    do {
      found = capture.lines().stream().filter(line -> line.contains("FHIR parser:")).toList();
      if (!found.isEmpty()) {
        return found;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return found;
      }
    } while (System.nanoTime() < until);
    return found;
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  static final class Capture extends AppenderBase<ILoggingEvent> {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected void append(ILoggingEvent event) {
      if (!event.getLoggerName().startsWith("jdk.internal.httpclient")) {
        lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
      }
    }

    List<String> lines() {
      synchronized (lines) {
        return List.copyOf(lines);
      }
    }
  }
}
