package org.ketaminecds.console;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /preview/api/token}: the CDS Hooks path the page is about to call. */
record TokenRequest(
    @NotNull @Pattern(regexp = ConsoleTokens.SIGNABLE_PATHS,
        message = "must be /cds-services, /cds-services/{id} or /cds-services/{id}/feedback") String path) {}
