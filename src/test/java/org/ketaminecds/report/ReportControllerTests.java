package org.ketaminecds.report;

import static org.hamcrest.Matchers.startsWith;
import static org.ketaminecds.audit.Invocations.card;
import static org.ketaminecds.audit.Invocations.invocation;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.audit.AuditSink;
import org.ketaminecds.cards.Indicator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The admin report over HTTP: its own bearer token, JSON and CSV, problem+json errors (on the H2 default). */
@SpringBootTest(classes = ReportWebTestApplication.class, properties = {
  "cds.admin.token=" + ReportControllerTests.TOKEN,
  "cds.storage.data-dir=./target/storage-tests/report-web"
})
@AutoConfigureMockMvc
class ReportControllerTests {

  static final String TOKEN = "admin-token-for-tests-0123456789";

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void seed() {
    jdbc.sql("DELETE FROM feedback").update();
    jdbc.sql("DELETE FROM invocation_audit").update();
    context.getBeansOfType(AuditSink.class).values().forEach(sink -> sink.record(invocation(
        Instant.parse("2026-03-02T08:00:00Z"), 10, card("esketamine-rems", Indicator.WARNING, 0))));
  }

  @Test
  void answers401ProblemWithoutTheAdminToken() throws Exception {
    mvc.perform(get("/admin/report"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
        .andExpect(jsonPath("$.type").value("https://ketamine-cds.org/problems/unauthenticated"))
        .andExpect(jsonPath("$.title").value("Unauthenticated"))
        .andExpect(jsonPath("$.status").value(401));
  }

  @Test
  void answers401ProblemForAWrongToken() throws Exception {
    mvc.perform(get("/admin/report").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN + "x"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("https://ketamine-cds.org/problems/unauthenticated"));
  }

  @Test
  void returnsJsonPerRuleAndPeriod() throws Exception {
    mvc.perform(get("/admin/report?from=2026-03-01&to=2026-03-31&period=week").header(HttpHeaders.AUTHORIZATION,
            "Bearer " + TOKEN))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.period").value("week"))
        .andExpect(jsonPath("$.from").value("2026-03-01"))
        .andExpect(jsonPath("$.timeZone").value("UTC"))
        .andExpect(jsonPath("$.rules[?(@.ruleId == 'esketamine-rems')].periodStart").value("2026-03-02"))
        .andExpect(jsonPath("$.rules[?(@.ruleId == 'esketamine-rems')].fired").value(1))
        .andExpect(jsonPath("$.rules[?(@.ruleId == 'esketamine-rems')].latencyP95Ms").value(10.0))
        .andExpect(jsonPath("$.services[?(@.serviceId == 'ketamine-order-check')].invocations").value(1));
  }

  @Test
  void returnsCsvForAcceptTextCsv() throws Exception {
    mvc.perform(get("/admin/report?from=2026-03-02&to=2026-03-02").accept("text/csv")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, startsWith("attachment")))
        .andExpect(content().string(UsageReportCsv.HEADER + "\r\n"
            + "2026-03-02,ketamine-order-check,esketamine-rems,1,0,0,,10.0,10.0\r\n"));
  }

  @Test
  void returnsCsvForFormatParameter() throws Exception {
    mvc.perform(get("/admin/report?from=2026-03-02&to=2026-03-02&format=csv")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(content().string(startsWith(UsageReportCsv.HEADER)));
  }

  @Test
  void answers400ProblemForAnUnknownPeriod() throws Exception {
    mvc.perform(get("/admin/report?period=year").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://ketamine-cds.org/problems/invalid-request"))
        .andExpect(jsonPath("$.detail").value("period must be day, week or month"));
  }

  @Test
  void answers400ProblemWhenFromIsAfterToEvenWhenCsvIsAsked() throws Exception {
    mvc.perform(get("/admin/report?from=2026-03-05&to=2026-03-01").accept("text/csv")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("from must not be after to"));
  }
}
