package org.ketaminecds.definition;

/** The CQL library a service evaluates: {@code cql/<id>.cql}; {@code version}, when given, must match it. */
public record CqlLibraryRef(String id, String version) {}
