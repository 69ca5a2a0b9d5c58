package org.ketaminecds.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods=false) class FhirConfig { @Bean FhirContext fhirContext() { var ctx = FhirContext.forR4Cached(); ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER); return ctx; } }
