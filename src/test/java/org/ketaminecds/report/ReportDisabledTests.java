package org.ketaminecds.report;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Without cds.admin.token the report does not exist: 404, whatever token is presented. */
@SpringBootTest(classes = ReportWebTestApplication.class,
    properties = "cds.storage.data-dir=./target/storage-tests/report-disabled")
@AutoConfigureMockMvc
class ReportDisabledTests {

  @Autowired MockMvc mvc;

  @Test
  void answers404WhenNoAdminTokenIsConfigured() throws Exception {
    mvc.perform(get("/admin/report").header(HttpHeaders.AUTHORIZATION, "Bearer anything-at-all-0123456789"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
