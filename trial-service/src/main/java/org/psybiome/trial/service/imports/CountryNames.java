package org.psybiome.trial.service.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ISO 3166-1 alpha-2 codes for the English country names ClinicalTrials.gov writes. The names come
 * from the JDK's English display names (CLDR: "South Korea", "St. Lucia", "Antigua &amp; Barbuda"),
 * compared loosely (case, accents, punctuation, "&amp;" and "and", "St." and "Saint"), plus
 * ClinicalTrials.gov's own forms, which follow the ISO 3166 short names of their day ("Korea,
 * Republic of", "Russian Federation") and do not change with the JDK's CLDR version (Java 17 says
 * "Turkey", later JDKs "Türkiye": both are listed). A name of a country that no longer exists
 * (Serbia and Montenegro, Netherlands Antilles) or has no ISO code (Kosovo) has no code.
 */
final class CountryNames {

  private static final Map<String, String> CODES = new HashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      CODES.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
    }
    alias("KR", "Korea, Republic of", "Republic of Korea");
    alias("KP", "Korea, Democratic People's Republic of");
    alias("IR", "Iran, Islamic Republic of");
    alias("RU", "Russian Federation");
    alias("TW", "Taiwan", "Taiwan, Province of China");
    alias("CZ", "Czechia", "Czech Republic");
    alias("TR", "Turkey", "Türkiye");
    alias("SY", "Syrian Arab Republic");
    alias("TZ", "Tanzania, United Republic of", "United Republic of Tanzania");
    alias("VE", "Venezuela, Bolivarian Republic of");
    alias("BO", "Bolivia, Plurinational State of");
    alias("MD", "Moldova, Republic of", "Republic of Moldova");
    alias("MK", "Macedonia, The Former Yugoslav Republic of", "North Macedonia");
    alias("CG", "Congo", "Republic of the Congo");
    alias("CD", "Congo, The Democratic Republic of the", "Democratic Republic of the Congo");
    alias("LA", "Lao People's Democratic Republic");
    alias("VN", "Viet Nam");
    alias("CI", "Côte D'Ivoire", "Ivory Coast");
    alias("FM", "Micronesia, Federated States of");
    alias("PS", "Palestinian Territory, occupied", "Palestine, State of", "Palestine");
    alias("HK", "Hong Kong");
    alias("MO", "Macau", "Macao");
    alias("BN", "Brunei Darussalam");
    alias("CV", "Cabo Verde", "Cape Verde");
    alias("SZ", "Swaziland", "Eswatini");
    alias("VA", "Holy See (Vatican City State)", "Holy See");
    alias("MM", "Myanmar", "Burma");
    alias("LY", "Libyan Arab Jamahiriya");
    alias("VI", "Virgin Islands (U.S.)", "Virgin Islands, U.S.");
    alias("VG", "Virgin Islands (British)", "Virgin Islands, British");
    alias("FK", "Falkland Islands (Malvinas)");
    alias("VC", "Saint Vincent and the Grenadines");
    alias("GS", "South Georgia and the South Sandwich Islands");
    alias("HM", "Heard Island and McDonald Islands");
    alias("BQ", "Bonaire, Sint Eustatius and Saba");
    alias("SX", "Sint Maarten (Dutch part)");
    alias("MF", "Saint Martin (French part)");
    alias("PN", "Pitcairn");
    alias("UM", "United States Minor Outlying Islands");
    alias("GB", "Great Britain");
  }

  private CountryNames() {}

  private static void alias(String code, String... names) {
    for (String name : names) {
      CODES.put(key(name), code);
    }
  }

  /** The ISO 3166-1 alpha-2 code of a country named in English, if it has one. */
  static Optional<String> code(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(CODES.get(key(name)));
  }

  private static String key(String name) {
    String plain =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replace("&", " and ")
            .replaceAll("\\bst\\.?\\s", "saint ");
    return plain.replaceAll("[^a-z0-9]+", " ").trim();
  }
}
