package org.ketaminecds.cql;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the CQL content lives.
 *
 * @param cqlLocation Spring Resource location of the folder holding {@code *.cql} and {@code
 *     vocabulary/ValueSet-*.json} ({@code classpath:} or {@code file:})
 */
@Validated
@ConfigurationProperties("cds.content")
record CqlContentProperties(@DefaultValue("classpath:content/cql/") @NotBlank String cqlLocation) {}
