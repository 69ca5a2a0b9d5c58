package org.ketaminecds.cards;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** CDS Hooks Coding: {@code system} and {@code code} required; {@code display} required on override reasons. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Coding(String system, String code, String display) {}
