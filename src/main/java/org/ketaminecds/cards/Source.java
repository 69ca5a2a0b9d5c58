package org.ketaminecds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where the guidance comes from: label required, url/icon/topic optional. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(String label, String url, String icon, Coding topic) {}
