package org.ketaminecds.console;

/** A product as listed by {@code GET /preview/api/products}. */
record ProductSummary(String id, String label) {}
