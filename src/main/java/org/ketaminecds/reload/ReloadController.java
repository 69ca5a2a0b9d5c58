package org.ketaminecds.reload;

import java.net.URI;
import org.ketaminecds.report.AdminAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * {@code GET /admin/content}: the version served and the last reload; {@code POST /admin/content/reload}: load and
 * validate the content now, 200 with the new version when it was swapped in, 422 problem+json listing every error
 * ({@code file:line:column}) when it was rejected and the last good version still serves. Admin token required
 * ({@link AdminAccess}).
 */
@RestController
class ReloadController {

  static final String STATUS_PATH = "/admin/content";
  static final String RELOAD_PATH = "/admin/content/reload";
  static final URI INVALID_CONTENT = URI.create("https://ketamine-cds.org/problems/invalid-content");

  private final AdminAccess access;
  private final LiveContent live;
  private final ContentReloader reloader;
  private final ContentWatcher watcher;

  ReloadController(AdminAccess access, LiveContent live, ContentReloader reloader, ContentWatcher watcher) {
    this.access = access;
    this.live = live;
    this.reloader = reloader;
    this.watcher = watcher;
  }

  @GetMapping(STATUS_PATH)
  ContentStatus status(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization)
      throws NoResourceFoundException {
    access.verify(authorization, STATUS_PATH.substring(1));
    return ContentStatus.of(live, reloader, watcher);
  }

  @PostMapping(RELOAD_PATH)
  ResponseEntity<?> reload(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization)
      throws NoResourceFoundException {
    access.verify(authorization, RELOAD_PATH.substring(1));
    var attempt = reloader.reload(ReloadTriggers.ADMIN);
    if (attempt.loaded()) {
      return ResponseEntity.ok(attempt);
    }
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "The content has "
        + attempt.errors().size() + " problem(s); version " + attempt.version() + " is still served.");
    problem.setType(INVALID_CONTENT);
    problem.setTitle("Invalid content");
    problem.setProperty("version", attempt.version());
    problem.setProperty("errors", attempt.errors());
    return ResponseEntity.of(problem).build();
  }
}
