package org.ketaminecds.prefetch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * CDS Hooks 2.0 prefetch templates: which tokens exist, which a template misuses, and how a template
 * becomes a relative FHIR URL for one request.
 *
 * <p>Tokens are {@code {{context.patientId}}}, {@code {{context.encounterId}}}, {@code
 * {{context.userId}}} and the user tokens {@code {{userPractitionerId}}}, {@code
 * {{userPractitionerRoleId}}}, {@code {{userPatientId}}}, {@code {{userRelatedPersonId}}}, which are
 * derived from {@code context.userId} ({@code "Practitioner/123"} gives {@code userPractitionerId=123}
 * and no other user token). Token syntax is strict: no blanks inside the braces.
 */
@Component
public class PrefetchTemplates {

  private static final Pattern TOKEN = Pattern.compile("\\{\\{([^{}]*)}}");

  private static final Map<String, String> USER_TOKEN_BY_TYPE =
      Map.of(
          "Practitioner", "userPractitionerId",
          "PractitionerRole", "userPractitionerRoleId",
          "Patient", "userPatientId",
          "RelatedPerson", "userRelatedPersonId");

  private static final Set<String> TOKENS =
      Set.of(
          "context.patientId",
          "context.encounterId",
          "context.userId",
          "userPractitionerId",
          "userPractitionerRoleId",
          "userPatientId",
          "userRelatedPersonId");

  /** The token names a template may use (without braces). */
  public Set<String> supportedTokens() {
    return TOKENS;
  }

  /**
   * The unknown and malformed tokens of a template, as written in it, in order of appearance; empty
   * when the template is fine. For start-up validation: the definition loader fails naming its file,
   * the prefetch key and these strings. Examples: {@code "{{Patient.id}}"} (unknown), {@code "{{
   * context.patientId }}"} (blanks), {@code "{{context.patientId"} (unclosed), {@code
   * "{context.patientId}"} (single braces).
   */
  public List<String> invalidTokens(String template) {
    List<String> invalid = new ArrayList<>();
    if (template == null) {
      return invalid;
    }
    Matcher m = TOKEN.matcher(template);
    int last = 0;
    while (m.find()) {
      addStrayBraces(template.substring(last, m.start()), invalid);
      if (!TOKENS.contains(m.group(1))) {
        invalid.add(m.group());
      }
      last = m.end();
    }
    addStrayBraces(template.substring(last), invalid);
    return invalid;
  }

  /**
   * The template with every token replaced by its URL-encoded value, or empty when a token it uses
   * has no value in this request (e.g. {@code {{context.encounterId}}} without an encounter): such a
   * key is skipped, neither fetched nor an error.
   *
   * @param tokens token name (without braces) to value, e.g. {@code context.patientId -> "p1"}; the
   *     user tokens are derived from {@code context.userId} when absent
   * @throws IllegalArgumentException when the template has an unknown or malformed token (content the
   *     loader should have rejected)
   */
  public Optional<String> expand(String template, Map<String, String> tokens) {
    List<String> invalid = invalidTokens(template);
    if (!invalid.isEmpty()) {
      throw new IllegalArgumentException("Invalid prefetch token(s) " + invalid);
    }
    Map<String, String> values = withUserTokens(tokens);
    Matcher m = TOKEN.matcher(template);
    StringBuilder url = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null || value.isBlank()) {
        return Optional.empty();
      }
      m.appendReplacement(url, Matcher.quoteReplacement(encode(value)));
    }
    m.appendTail(url);
    return Optional.of(url.toString());
  }

  /** The given token values plus the user token that {@code context.userId} implies. */
  Map<String, String> withUserTokens(Map<String, String> tokens) {
    Map<String, String> values = new HashMap<>(tokens == null ? Map.of() : tokens);
    String userId = values.get("context.userId");
    if (userId != null && !userId.isBlank()) {
      IdType id = new IdType(userId.trim());
      String userToken = USER_TOKEN_BY_TYPE.get(id.getResourceType());
      if (userToken != null && id.hasIdPart()) {
        values.putIfAbsent(userToken, id.getIdPart());
      }
    }
    return values;
  }

  /** Braces outside a well-formed token: the text from the first to the last brace (or to the end). */
  private static void addStrayBraces(String segment, List<String> invalid) {
    int first = indexOfBrace(segment, true);
    if (first < 0) {
      return;
    }
    int last = indexOfBrace(segment, false);
    boolean unclosed = segment.charAt(last) == '{';
    invalid.add(unclosed ? segment.substring(first) : segment.substring(first, last + 1));
  }

  private static int indexOfBrace(String segment, boolean first) {
    int open = first ? segment.indexOf('{') : segment.lastIndexOf('{');
    int close = first ? segment.indexOf('}') : segment.lastIndexOf('}');
    if (open < 0 || close < 0) {
      return Math.max(open, close);
    }
    return first ? Math.min(open, close) : Math.max(open, close);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
