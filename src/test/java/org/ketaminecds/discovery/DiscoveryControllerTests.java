package org.ketaminecds.discovery;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ketaminecds.config.JacksonConfig;
import org.ketaminecds.config.TestWebConfig;
import org.ketaminecds.definition.ServiceCatalog;
import org.ketaminecds.reload.LiveContentConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class DiscoveryControllerTests {

  @Nested
  @WebMvcTest(controllers = DiscoveryController.class, properties = "cds.security.enabled=false")
  @Import(TestWebConfig.class)
  class WithTheTestService {

    @Autowired MockMvc mvc;

    @Test
    void listsTheServiceOncePerHookUnderTheSameId() throws Exception {
      mvc.perform(get("/cds-services"))
          .andExpect(status().isOk())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
          .andExpect(jsonPath("$.services[?(@.id == 'ketamine-test-check')].hook",
              containsInAnyOrder("order-sign", "order-select")));
    }

    @Test
    void servesTheDiscoveryFieldsAsWritten() throws Exception {
      mvc.perform(get("/cds-services"))
          .andExpect(jsonPath("$.services[?(@.hook == 'order-sign')].title").value(hasItem("Test check (runner fixture)")))
          .andExpect(jsonPath("$.services[?(@.hook == 'order-sign')].description").value(hasItem(containsString("Test content"))))
          .andExpect(jsonPath("$.services[?(@.hook == 'order-sign')].prefetch.patient")
              .value(hasItem("Patient/{{context.patientId}}")))
          .andExpect(jsonPath("$.services[?(@.hook == 'order-select')].usageRequirements").value(hasItem("Test fixture only.")))
          .andExpect(jsonPath("$.services[?(@.hook == 'order-select')].extension['org.ketaminecds.fixture']")
              .value(hasItem(true)));
    }

    @Test
    void neverServesTheConfigBlock() throws Exception {
      mvc.perform(get("/cds-services"))
          .andExpect(jsonPath("$.services[*]._config").isEmpty())
          .andExpect(content().string(not(containsString("_config"))))
          .andExpect(content().string(not(containsString("conditionExpression"))))
          .andExpect(content().string(not(containsString("ExampleCheck"))));
    }
  }

  @Nested
  @WebMvcTest(controllers = DiscoveryController.class, properties = "cds.security.enabled=false")
  @Import({JacksonConfig.class, LiveContentConfig.class, WithoutServices.EmptyCatalog.class})
  class WithoutServices {

    @Autowired MockMvc mvc;

    @Test
    void answersWithAnEmptyServicesList() throws Exception {
      mvc.perform(get("/cds-services"))
          .andExpect(status().isOk())
          .andExpect(content().json("{\"services\": []}", true));
    }

    @TestConfiguration
    static class EmptyCatalog {
      @Bean
      ServiceCatalog serviceCatalog() {
        return ServiceCatalog.of(List.of());
      }
    }
  }
}
