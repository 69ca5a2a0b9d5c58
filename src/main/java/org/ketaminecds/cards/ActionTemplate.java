package org.ketaminecds.cards;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A suggestion action as written in the definition file. {@code resource} is FHIR JSON whose string
 * values may hold {@code ${...}} templates; it is checked with HAPI's parser after interpolation.
 */
public record ActionTemplate(ActionType type, String description, String resourceId, JsonNode resource) {}
