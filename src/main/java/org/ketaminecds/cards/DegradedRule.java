package org.ketaminecds.cards;

/** A rule that could not be rendered because a define it needs failed; no card was sent for it. */
public record DegradedRule(String rule, String reason) {}
