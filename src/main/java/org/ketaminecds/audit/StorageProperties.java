package org.ketaminecds.audit;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the embedded default keeps its files: the H2 database ({@code spring.datasource.url} in application.yml
 * points into it) and the generated patient-hash secret. Kept across restarts. Absolute, or relative to the
 * working directory starting with {@code ./} (H2's rule).
 */
@Validated
@ConfigurationProperties("cds.storage")
public record StorageProperties(@NotNull @DefaultValue("./data") Path dataDir) {

  public StorageProperties {
    // H2 refuses file paths that are implicitly relative ("data/x"); say so at binding, naming the key
    if (dataDir != null && !dataDir.isAbsolute() && !dataDir.toString().startsWith(".")) {
      throw new IllegalArgumentException(
          "cds.storage.data-dir must be absolute or start with ./ (was " + dataDir + ")");
    }
  }
}
