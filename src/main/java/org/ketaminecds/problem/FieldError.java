package org.ketaminecds.problem;

/**
 * One reason a request was rejected: a JSON Pointer (RFC 6901) into the request body and what is wrong
 * there. The detail never repeats the offending value (it may be patient data).
 */
public record FieldError(String pointer, String detail) {}
