package org.ketaminecds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A suggestion action. {@code resource} is the FHIR resource already encoded as JSON (by HAPI's parser),
 * so Jackson writes it verbatim and never touches HAPI model classes (docs/develop/stack-pitfalls.md P11).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Action(ActionType type, String description, JsonNode resource, String resourceId) {}
