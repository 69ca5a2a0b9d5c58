package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.ketaminecds.security.ClientTokens.EC_KEY;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.util.unit.DataSize;

@ExtendWith(OutputCaptureExtension.class)
class SecurityConfigTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(SecurityConfig.class);

  @TempDir
  Path dir;

  @Test
  void bindsSecureDefaults() {
    runner.run(context -> {
      SecurityProperties properties = context.getBean(SecurityProperties.class);
      assertThat(properties.enabled()).isTrue();
      assertThat(properties.publicBaseUrl()).isEqualTo(URI.create("http://localhost:8080"));
      assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(60));
      assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofMegabytes(16));
      assertThat(properties.clients()).isEmpty();
      assertThat(SecurityConfig.algorithms(properties)).extracting(Object::toString)
          .containsExactlyInAnyOrder("ES384", "RS384");
    });
  }

  @Test
  void bindsTheShippedApplicationYml() {
    runner.withInitializer(new ConfigDataApplicationContextInitializer()).run(context -> {
      assertThat(context).hasNotFailed();
      SecurityProperties properties = context.getBean(SecurityProperties.class);
      assertThat(properties.enabled()).isTrue();
      assertThat(properties.publicBaseUrl()).isEqualTo(URI.create("http://localhost:8080"));
      assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(60));
      assertThat(properties.clients()).isEmpty();
    });
  }

  @Test
  void registersBothFiltersOnEveryCdsServicesPathJwtFirst() {
    runner.run(context -> {
      FilterRegistrationBean<?> jwt = context.getBean("cdsClientJwtFilter", FilterRegistrationBean.class);
      FilterRegistrationBean<?> size = context.getBean("requestBodyLimitFilter", FilterRegistrationBean.class);
      assertThat(jwt.getUrlPatterns()).containsExactlyInAnyOrder("/cds-services", "/cds-services/*");
      assertThat(size.getUrlPatterns()).containsExactlyInAnyOrder("/cds-services", "/cds-services/*");
      assertThat(jwt.getOrder()).isLessThan(size.getOrder());
    });
  }

  @Test
  void bindsATrustedClientFromKebabCaseProperties() {
    URI keys = SecurityFixture.jwksFile(dir, ClientTokens.publicKeys(EC_KEY));
    runner.withPropertyValues(
            "cds.security.public-base-url=https://cds.example.org",
            "cds.security.additional-algorithms=RS256",
            "cds.security.clients[0].issuer=https://ehr.example.org",
            "cds.security.clients[0].jwks-uri=" + keys,
            "cds.security.clients[0].tenants=hospital-a,hospital-b",
            "cds.security.clients[0].fhir-servers=https://fhir.ehr.example.org/R4",
            "cds.security.clients[0].jku-allow-list=https://ehr.example.org/keys/rotated.json")
        .run(context -> {
          assertThat(context).hasNotFailed();
          TrustedClient client = context.getBean(TrustedClients.class).find("https://ehr.example.org").orElseThrow();
          assertThat(client.tenants()).containsExactlyInAnyOrder("hospital-a", "hospital-b");
          assertThat(client.allowsFhirServer(URI.create("https://fhir.ehr.example.org/R4/Patient"))).isTrue();
          assertThat(client.keysFor(URI.create("https://ehr.example.org/keys/rotated.json"))).isPresent();
          assertThat(SecurityConfig.algorithms(context.getBean(SecurityProperties.class))).extracting(Object::toString)
              .contains("RS256");
        });
  }

  @Test
  void warnsAtEveryStartWhenDisabledAndAllowsAnyFhirServer(CapturedOutput log) {
    runner.withPropertyValues("cds.security.enabled=false").run(context -> {
      assertThat(log).contains("WARN").contains("cds.security.enabled=false")
          .contains("For local testing only");
      assertThatCode(() -> context.getBean(FhirServerPolicy.class)
          .check(ClientIdentity.anonymous(), URI.create("https://anywhere.example.org/fhir")))
          .doesNotThrowAnyException();
    });
  }

  @Test
  void usesTheAllowListPolicyWhenEnabled() {
    runner.run(context -> assertThat(context.getBean(FhirServerPolicy.class))
        .isInstanceOf(AllowListFhirServerPolicy.class));
  }

  @Test
  void warnsWhenEnabledWithoutAnyClient(CapturedOutput log) {
    runner.run(context -> assertThat(log).contains("cds.security.clients is empty"));
  }

  static Stream<Arguments> invalidConfigurations() {
    return Stream.of(
        Arguments.of(new String[] {"cds.security.clients[0].issuer=https://ehr.example.org",
            "cds.security.clients[0].jwks-uri=http://ehr.example.org/jwks.json"}, ".jwks-uri must be an https URL"),
        Arguments.of(new String[] {"cds.security.clients[0].issuer=https://ehr.example.org",
            "cds.security.clients[0].jwks-uri=file:/does/not/exist/jwks.json"}, "cannot read a JWKS"),
        Arguments.of(new String[] {"cds.security.clients[0].issuer=https://ehr.example.org"}, "jwksUri"),
        Arguments.of(new String[] {"cds.security.clients[0].jwks-uri=https://ehr.example.org/jwks.json"}, "issuer"),
        Arguments.of(new String[] {"cds.security.clients[0].issuer=https://ehr.example.org",
            "cds.security.clients[0].jwks-uri=https://ehr.example.org/jwks.json",
            "cds.security.clients[0].fhir-servers=https://fhir.example.org/R4?tenant=a"}, ".fhir-servers entries"),
        Arguments.of(new String[] {"cds.security.clients[0].issuer=https://ehr.example.org",
            "cds.security.clients[0].jwks-uri=https://ehr.example.org/jwks.json",
            "cds.security.clients[0].jku-allow-list=http://evil.example.org/jwks.json"}, ".jku-allow-list entries"),
        Arguments.of(new String[] {"cds.security.clients[0].issuer=https://ehr.example.org",
            "cds.security.clients[0].jwks-uri=https://ehr.example.org/a.json",
            "cds.security.clients[1].issuer=https://ehr.example.org",
            "cds.security.clients[1].jwks-uri=https://ehr.example.org/b.json"}, "is configured twice"),
        Arguments.of(new String[] {"cds.security.additional-algorithms=HS256"}, "HS256 is not allowed"),
        Arguments.of(new String[] {"cds.security.additional-algorithms=none"}, "none is not allowed"),
        Arguments.of(new String[] {"cds.security.public-base-url=cds.example.org"}, "public-base-url must be"),
        Arguments.of(new String[] {"cds.security.max-body-size=0B"}, "max-body-size must be"),
        Arguments.of(new String[] {"cds.security.replay-cache-size=0"}, "replayCacheSize"));
  }

  @ParameterizedTest
  @MethodSource("invalidConfigurations")
  void failsStartUpNamingTheInvalidKey(String[] properties, String message) {
    runner.withPropertyValues(properties).run(context -> {
      assertThat(context).hasFailed();
      assertThat(messages(context.getStartupFailure())).contains(message);
    });
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
