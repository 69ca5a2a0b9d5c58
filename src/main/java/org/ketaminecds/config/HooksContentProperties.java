package org.ketaminecds.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the service definitions live: a Spring Resource location ({@code classpath:} or {@code file:})
 * of a folder holding {@code <service-id>.json}; its {@code examples/} subfolder is not read.
 *
 * @param hooksLocation Spring Resource location of the folder of service definitions ({@code classpath:} or
 *     {@code file:})
 */
@Validated
@ConfigurationProperties("cds.content")
public record HooksContentProperties(@NotBlank @DefaultValue("classpath:content/cds-hooks/") String hooksLocation) {}
