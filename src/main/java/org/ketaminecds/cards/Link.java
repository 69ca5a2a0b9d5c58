package org.ketaminecds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A card link; {@code type} is {@code absolute} or {@code smart}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Link(String label, String url, String type, String appContext) {}
