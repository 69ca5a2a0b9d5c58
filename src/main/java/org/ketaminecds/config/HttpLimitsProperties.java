package org.ketaminecds.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what clients may send to {@code /cds-services/**}.
 *
 * @param maxRequestSize largest accepted request body (hook call or feedback); larger ones get 413
 */
@Validated
@ConfigurationProperties("cds.http")
public record HttpLimitsProperties(@NotNull @DefaultValue("5MB") DataSize maxRequestSize) {}
