package org.ketaminecds.audit;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the embedded default keeps its files: the H2 database ({@code spring.datasource.url} in application.yml
 * points into it) and the generated patient-hash secret. Kept across restarts. Absolute, or relative to the
 * working directory written with a leading {@code ./} (H2 refuses implicitly relative paths such as
 * {@code data}).
 *
 * @param dataDir folder of the embedded H2 database and the generated patient-hash secret; absolute or starting with
 *     {@code ./}
 */
@Validated
@ConfigurationProperties("cds.storage")
public record StorageProperties(@NotNull @DefaultValue("./data") Path dataDir) {}
