package org.ketaminecds.config;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

class CorsConfigTests {

  static final String SANDBOX = "https://sandbox.cds-hooks.org";
  /** Only the discovery endpoint: the CORS filter is what is under test. */
  static final String DISCOVERY = "org\\.ketaminecds\\.discovery\\.DiscoveryController";

  @Nested
  @WebMvcTest(properties = {"cds.security.enabled=false", "cds.cors.allowed-origins=" + SANDBOX}, useDefaultFilters = false,
      includeFilters = @Filter(type = FilterType.REGEX, pattern = DISCOVERY))
  @Import({TestWebConfig.class, CorsConfig.class})
  class WithTheSandboxAllowed {

    @Autowired MockMvc mvc;

    @Test
    void answersAPreflightFromAnAllowedOrigin() throws Exception {
      mvc.perform(options("/cds-services/ketamine-test-check")
              .header(HttpHeaders.ORIGIN, SANDBOX)
              .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
              .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type"))
          .andExpect(status().isOk())
          .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SANDBOX))
          .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET,POST,OPTIONS"))
          .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "authorization, content-type"));
    }

    @Test
    void refusesAnotherOrigin() throws Exception {
      mvc.perform(get("/cds-services").header(HttpHeaders.ORIGIN, "https://evil.example.org"))
          .andExpect(status().isForbidden())
          .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    }
  }

  @Nested
  @WebMvcTest(properties = "cds.security.enabled=false", useDefaultFilters = false, includeFilters = @Filter(type = FilterType.REGEX, pattern = DISCOVERY))
  @Import({TestWebConfig.class, CorsConfig.class})
  class ByDefault {

    @Autowired MockMvc mvc;

    @Test
    void allowsNoBrowserOrigin() throws Exception {
      mvc.perform(options("/cds-services")
              .header(HttpHeaders.ORIGIN, SANDBOX)
              .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"))
          .andExpect(status().isForbidden())
          .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    @Test
    void leavesServerToServerCallsAlone() throws Exception {
      mvc.perform(get("/cds-services")).andExpect(status().isOk());
    }
  }
}
