package org.ketaminecds.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A string with {@code ${Define}} and {@code ${Define:N}} placeholders. {@code N} is a maximum width in
 * characters (code points): a longer value is cut to {@code N - 1} characters plus "…". There is no
 * escape; a "${" that is never closed is kept as text and reported by the loader.
 */
public record TextTemplate(List<Part> parts) {

  /** Part of a template: literal text or a placeholder. */
  public sealed interface Part permits Literal, Placeholder {}

  public record Literal(String text) implements Part {}

  /** {@code width} is null when the placeholder has no {@code :N}. */
  public record Placeholder(String expression, Integer width) implements Part {}

  public static final String ELLIPSIS = "…";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern WIDTH = Pattern.compile("(.*?)\\s*:\\s*(\\d{1,4})\\s*");

  public TextTemplate {
    parts = List.copyOf(parts);
  }

  public static TextTemplate parse(String text) {
    var parts = new ArrayList<Part>();
    var matcher = PLACEHOLDER.matcher(text);
    int last = 0;
    while (matcher.find()) {
      if (matcher.start() > last) {
        parts.add(new Literal(text.substring(last, matcher.start())));
      }
      var inner = matcher.group(1);
      var width = WIDTH.matcher(inner);
      parts.add(width.matches()
          ? new Placeholder(width.group(1).trim(), Integer.valueOf(width.group(2)))
          : new Placeholder(inner.trim(), null));
      last = matcher.end();
    }
    if (last < text.length()) {
      parts.add(new Literal(text.substring(last)));
    }
    return new TextTemplate(parts);
  }

  public List<Placeholder> placeholders() {
    return parts.stream().filter(Placeholder.class::isInstance).map(Placeholder.class::cast).toList();
  }

  public boolean hasPlaceholders() {
    return parts.stream().anyMatch(Placeholder.class::isInstance);
  }

  /** True when literal text still contains "${" (a placeholder that was never closed). */
  public boolean hasUnclosedPlaceholder() {
    return parts.stream().anyMatch(p -> p instanceof Literal l && l.text().contains("${"));
  }

  /** The longest rendering possible, or empty when some placeholder has no width. */
  public OptionalInt maxLength() {
    int length = 0;
    for (var part : parts) {
      if (part instanceof Literal literal) {
        length += literal.text().codePointCount(0, literal.text().length());
      } else if (((Placeholder) part).width() == null) {
        return OptionalInt.empty();
      } else {
        length += ((Placeholder) part).width();
      }
    }
    return OptionalInt.of(length);
  }

  /** Renders with {@code values} giving each placeholder's text; widths are applied here. */
  public String render(Function<Placeholder, String> values) {
    var out = new StringBuilder();
    for (var part : parts) {
      if (part instanceof Literal literal) {
        out.append(literal.text());
      } else {
        var placeholder = (Placeholder) part;
        var value = values.apply(placeholder);
        out.append(placeholder.width() == null ? value : truncate(value, placeholder.width()));
      }
    }
    return out.toString();
  }

  /** Cuts {@code value} to at most {@code width} code points, the last one being "…" when cut. */
  public static String truncate(String value, int width) {
    if (value.codePointCount(0, value.length()) <= width) {
      return value;
    }
    if (width <= 1) {
      return width == 1 ? ELLIPSIS : "";
    }
    return value.substring(0, value.offsetByCodePoints(0, width - 1)) + ELLIPSIS;
  }
}
