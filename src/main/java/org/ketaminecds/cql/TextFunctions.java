package org.ketaminecds.cql;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import org.hl7.elm.r1.Element;
import org.hl7.elm.r1.ExpressionDef;
import org.hl7.elm.r1.FunctionDef;
import org.hl7.elm.r1.FunctionRef;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.TypeSpecifier;

/**
 * Recognises the content's medication-text function ({@code KetamineCommon."Medication Text"}: concept text, reference
 * display and coding displays, lower case), whose result the filter can compute itself
 * ({@link org.ketaminecds.relevance.ConceptText}). Recognition is by the function's compiled body, not its name: the
 * body and the functions it calls are described structurally (node kinds, names, paths, literals; no locators, ids or
 * result types, which differ between translated and precompiled ELM) and the description's SHA-256 must be one of
 * {@link #KNOWN}. Edit the function and the filter stops reading medication texts (it keeps every record such a test
 * would have judged) until its Java counterpart is reviewed and the new fingerprint added: safe, only slower.
 * {@code TextFunctionsTests} fails when the shipped content's function is not recognised.
 */
final class TextFunctions {

  /** The fingerprints of the bodies ConceptText reproduces. */
  static final Set<String> KNOWN = Set.of(
      "e2fed2e17a2e78c088bc42fb24973604132864fe1e0a531ef72395b3067d6bc0");

  private static final Set<String> SKIPPED = Set.of("getLocalId", "getLocator", "getAnnotation",
      "get_annotation$elm", "getTrackbacks", "getClass", "getResultTypeName", "getResultTypeSpecifier",
      "getSignature", "getLibraryName");
  private static final Map<Class<?>, List<Method>> GETTERS = new ConcurrentHashMap<>();

  private final ElmLibraries libraries;

  TextFunctions(ElmLibraries libraries) {
    this.libraries = libraries;
  }

  /** Whether {@code ref} calls a function whose result ConceptText reproduces. */
  boolean isMedicationText(FunctionRef ref, Library from) {
    return ref.getOperand().size() == 1 && fingerprint(ref, from).map(KNOWN::contains).orElse(false);
  }

  /** The fingerprint of the function {@code ref} calls; empty when it cannot be resolved to one definition. */
  Optional<String> fingerprint(FunctionRef ref, Library from) {
    StringBuilder description = new StringBuilder();
    return describeCall(ref, from, description, 0) ? Optional.of(sha256(description.toString())) : Optional.empty();
  }

  private boolean describeCall(FunctionRef ref, Library from, StringBuilder out, int depth) {
    if (depth > 8) {
      return false;
    }
    Optional<Library> target = libraries.target(ref.getLibraryName(), from);
    if (target.isEmpty()) {
      return false;
    }
    List<ExpressionDef> defs = ElmLibraries.definitions(target.get(), ref.getName())
        .filter(def -> def instanceof FunctionDef f && f.getOperand().size() == ref.getOperand().size()).toList();
    if (defs.size() != 1) {
      return false;
    }
    out.append("function ").append(ref.getName()).append(" {");
    List<FunctionRef> calls = new ArrayList<>();
    describe(defs.get(0).getExpression(), out, calls);
    out.append('}');
    for (FunctionRef call : calls) {
      if (!isSystemFunction(call) && !describeCall(call, target.get(), out, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSystemFunction(FunctionRef call) {
    return "FHIRHelpers".equals(call.getLibraryName());
  }

  private static void describe(Object node, StringBuilder out, List<FunctionRef> calls) {
    if (node == null) {
      out.append('-');
    } else if (node instanceof Collection<?> list) {
      out.append('[');
      list.forEach(element -> {
        describe(element, out, calls);
        out.append(',');
      });
      out.append(']');
    } else if (node instanceof TypeSpecifier) {
      out.append('T');
    } else if (node instanceof Element element) {
      if (element instanceof FunctionRef call) {
        calls.add(call);
      }
      out.append(element.getClass().getSimpleName()).append('(');
      for (Method getter : getters(element.getClass())) {
        Object value;
        try {
          value = getter.invoke(element);
        } catch (ReflectiveOperationException | RuntimeException e) {
          value = "?";
        }
        if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
          continue;
        }
        out.append(getter.getName(), 3, getter.getName().length()).append('=');
        describe(value, out, calls);
        out.append(';');
      }
      out.append(')');
    } else if (node instanceof String || node instanceof Number || node instanceof Boolean || node instanceof Enum<?>
        || node instanceof QName) {
      out.append(node);
    } else {
      out.append(node.getClass().getSimpleName());
    }
  }

  private static List<Method> getters(Class<?> type) {
    return GETTERS.computeIfAbsent(type, t -> {
      List<Method> getters = new ArrayList<>();
      for (Method method : t.getMethods()) {
        if (method.getParameterCount() == 0 && !java.lang.reflect.Modifier.isStatic(method.getModifiers()) && (method.getName().startsWith("get") || method.getName().startsWith("is"))
            && !SKIPPED.contains(method.getName()) && method.getName().length() > 3) {
          getters.add(method);
        }
      }
      getters.sort(Comparator.comparing(Method::getName));
      return List.copyOf(getters);
    });
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
