package org.ketaminecds.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The codes synthetic charts are made of. Antidepressant products come from the project's verified list
 * ({@code antidepressant-products.csv}, RxNorm SCDs of the eCQM antidepressant value sets); the other codes are
 * real RxNorm, ICD-10-CM, SNOMED CT and LOINC codes with their published displays.
 */
final class ClinicalCodes {

  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String SNOMED = "http://snomed.info/sct";
  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";

  /** An orderable product; {@code unit} is the dose unit of one tablet/capsule/actuation. */
  record Product(String rxcui, String display, String ingredient, String unit) {}

  /** A problem-list diagnosis coded in ICD-10-CM with its SNOMED CT equivalent. */
  record Diagnosis(String icd10, String snomed, String display, boolean chronic) {}

  /** A LOINC-coded numeric result around a typical value. */
  record Lab(String loinc, String display, String unit, double mean, double sd, int decimals) {}

  /** Ingredients that are first- and second-line antidepressant trials in practice. */
  private static final Set<String> TRIAL_INGREDIENTS = Set.of("sertraline", "escitalopram", "citalopram",
      "fluoxetine", "paroxetine", "bupropion", "venlafaxine", "duloxetine", "desvenlafaxine", "mirtazapine",
      "vortioxetine", "nortriptyline", "vilazodone");

  private static final Pattern ORAL_SOLID = Pattern.compile("Oral (Tablet|Capsule)");

  static final List<Product> CHRONIC_MEDICATIONS = List.of(
      new Product("314076", "lisinopril 10 MG Oral Tablet", "lisinopril", "tablet"),
      new Product("197361", "amlodipine 5 MG Oral Tablet", "amlodipine", "tablet"),
      new Product("310798", "hydrochlorothiazide 25 MG Oral Tablet", "hydrochlorothiazide", "tablet"),
      new Product("259255", "atorvastatin 80 MG Oral Tablet", "atorvastatin", "tablet"),
      new Product("314231", "simvastatin 10 MG Oral Tablet", "simvastatin", "tablet"),
      new Product("860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet", "metformin", "tablet"),
      new Product("966222", "levothyroxine sodium 0.075 MG Oral Tablet", "levothyroxine", "tablet"),
      new Product("895994", "120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler", "fluticasone",
          "actuation"),
      new Product("745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "albuterol", "actuation"),
      new Product("849574", "naproxen sodium 220 MG Oral Tablet", "naproxen", "tablet"),
      new Product("197527", "clonazepam 0.5 MG Oral Tablet", "clonazepam", "tablet"),
      new Product("197901", "lorazepam 1 MG Oral Tablet", "lorazepam", "tablet"));

  static final List<Diagnosis> MAJOR_DEPRESSION = List.of(
      new Diagnosis("F33.1", "370143000", "Major depressive disorder, recurrent, moderate", true),
      new Diagnosis("F33.2", "370143000", "Major depressive disorder, recurrent severe without psychotic features",
          true),
      new Diagnosis("F32.1", "36923009", "Major depressive disorder, single episode, moderate", true),
      new Diagnosis("F32.2", "36923009",
          "Major depressive disorder, single episode, severe without psychotic features", true));

  static final List<Diagnosis> COMORBIDITIES = List.of(
      new Diagnosis("I10", "59621000", "Essential (primary) hypertension", true),
      new Diagnosis("E11.9", "44054006", "Type 2 diabetes mellitus without complications", true),
      new Diagnosis("E78.5", "55822004", "Hyperlipidemia, unspecified", true),
      new Diagnosis("F41.1", "21897009", "Generalized anxiety disorder", true),
      new Diagnosis("E66.9", "414916001", "Obesity, unspecified", true),
      new Diagnosis("J45.909", "195967001", "Unspecified asthma, uncomplicated", true),
      new Diagnosis("K21.9", "235595009", "Gastro-esophageal reflux disease without esophagitis", true),
      new Diagnosis("E03.9", "40930008", "Hypothyroidism, unspecified", true),
      new Diagnosis("G43.909", "37796009", "Migraine, unspecified, not intractable, without status migrainosus", true),
      new Diagnosis("G47.00", "193462001", "Insomnia, unspecified", true),
      new Diagnosis("G47.33", "78275009", "Obstructive sleep apnea (adult) (pediatric)", true),
      new Diagnosis("M54.50", "279039007", "Low back pain, unspecified", true),
      new Diagnosis("J06.9", "54150009", "Acute upper respiratory infection, unspecified", false),
      new Diagnosis("J02.9", "405737000", "Acute pharyngitis, unspecified", false),
      new Diagnosis("N39.0", "68566005", "Urinary tract infection, site not specified", false),
      new Diagnosis("S93.401A", "44465007", "Sprain of unspecified ligament of right ankle, initial encounter", false),
      new Diagnosis("J20.9", "10509002", "Acute bronchitis, unspecified", false),
      new Diagnosis("R51.9", "25064002", "Headache, unspecified", false));

  static final List<Lab> LABS = List.of(
      new Lab("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", 98, 14, 0),
      new Lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", 0.95, 0.18, 2),
      new Lab("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", 139, 2.5, 0),
      new Lab("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", 4.2, 0.35, 1),
      new Lab("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", 26, 9, 0),
      new Lab("1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", 24, 7, 0),
      new Lab("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", 5.8, 0.6, 1),
      new Lab("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "m[IU]/L", 2.1, 0.9, 2));

  private final List<Product> antidepressants;

  private ClinicalCodes(List<Product> antidepressants) {
    this.antidepressants = List.copyOf(antidepressants);
  }

  /** Reads the antidepressant product list from the classpath ({@code bench/antidepressant-products.csv}). */
  static ClinicalCodes load() {
    var products = new ArrayList<Product>();
    try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        ClinicalCodes.class.getResourceAsStream("/bench/antidepressant-products.csv"), "antidepressant-products.csv"),
        StandardCharsets.UTF_8))) {
      in.readLine(); // rxcui,display,ingredient
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] fields = line.split(",");
        if (fields.length == 3 && TRIAL_INGREDIENTS.contains(fields[2]) && !fields[1].startsWith("Smoking")) {
          Matcher form = ORAL_SOLID.matcher(fields[1]);
          if (form.find()) {
            products.add(new Product(fields[0], fields[1], fields[2], form.group(1).toLowerCase()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ClinicalCodes(products);
  }

  List<Product> antidepressants() {
    return antidepressants;
  }

  List<Product> antidepressantsOf(String ingredient) {
    return antidepressants.stream().filter(p -> p.ingredient().equals(ingredient)).toList();
  }

  List<String> antidepressantIngredients() {
    return antidepressants.stream().map(Product::ingredient).distinct().sorted().toList();
  }
}
