package org.ketaminecds.cql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a folder of precompiled ELM was built from, and what loading it needs that the ELM lacks
 * ({@code content/elm/manifest.json}). ELM is used only for exactly the CQL, translator and options it records.
 *
 * @param format the layout of this file, {@link #FORMAT}
 * @param cqlSha256 {@link #cqlSha256} of the content's CQL sources
 * @param translatorVersion the translator that wrote the ELM ({@link LibraryCaches#translatorVersion()})
 * @param compilerOptions the options it translated with ({@link LibraryCaches#optionsText()})
 * @param libraries the content libraries and the libraries they include from the translator (FHIRHelpers)
 */
record ElmManifest(
    int format, String cqlSha256, String translatorVersion, String compilerOptions, List<LibraryFile> libraries) {

  static final int FORMAT = 1;

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  ElmManifest {
    libraries = List.copyOf(libraries);
  }

  /**
   * One library's ELM file.
   *
   * @param content whether it is a library of the content folder (else one it includes, such as FHIRHelpers)
   * @param file the ELM JSON file, relative to the manifest
   * @param elmSha256 SHA-256 of the file's text
   * @param parameterTypes parameter name to the type the translator gave it (deserialised ELM has no types)
   * @param unions how the engine evaluates each union, in visiting order ({@link UnionKinds})
   */
  record LibraryFile(
      String name, String version, boolean content, String file, String elmSha256,
      Map<String, String> parameterTypes, List<UnionKinds.Kind> unions) {

    LibraryFile {
      parameterTypes = new TreeMap<>(parameterTypes);
      unions = List.copyOf(unions);
    }
  }

  static ElmManifest parse(String json) throws JsonProcessingException {
    return JSON.readValue(json, ElmManifest.class);
  }

  String toJson() throws JsonProcessingException {
    return JSON.writeValueAsString(this);
  }

  /** SHA-256 over the CQL sources, by library name: each name and text, length-prefixed, in name order. */
  static String cqlSha256(Map<String, String> sources) {
    StringBuilder all = new StringBuilder();
    new TreeMap<>(sources).forEach((name, text) -> all.append(name.length()).append(':').append(name)
        .append(text.length()).append(':').append(text));
    return sha256(all.toString());
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }
}
