package org.ketaminecds.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Audit wiring: the patient-id hasher and the scheduler that runs the retention purge. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

  @Bean
  PatientIdHasher patientIdHasher(AuditProperties audit, StorageProperties storage) {
    return PatientIdHasher.from(audit, storage);
  }
}
