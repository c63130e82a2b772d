package org.psybiome.trial.service.registries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Country names as ClinicalTrials.gov writes them; codes from ISO 3166-1 (KR is the Republic of
 * Korea, KP the Democratic People's Republic, GU Guam, GB the United Kingdom).
 */
class CtgovCountryNamesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "United States|US",
        "United Kingdom|GB",
        "Guam|GU",
        "Korea, Republic of|KR",
        "Korea, Democratic People's Republic of|KP",
        "Iran, Islamic Republic of|IR",
        "Russian Federation|RU",
        "Taiwan|TW",
        "Czechia|CZ",
        "Czech Republic|CZ",
        "Turkey|TR",
        "Türkiye|TR",
        "Syrian Arab Republic|SY",
        "Congo, The Democratic Republic of the|CD",
        "Congo|CG",
        "Côte D'Ivoire|CI",
        "Viet Nam|VN",
        "Moldova, Republic of|MD",
        "Macedonia, The Former Yugoslav Republic of|MK",
        "Tanzania|TZ",
        "Hong Kong|HK",
        "Lao People's Democratic Republic|LA",
        "Virgin Islands (U.S.)|VI",
        "Saint Lucia|LC",
        "Saint Vincent and the Grenadines|VC",
        "Bosnia and Herzegovina|BA",
        "Trinidad and Tobago|TT",
        "Réunion|RE",
        "Puerto Rico|PR"
      })
  void clinicalTrialsGovNames(String name, String code) {
    assertThat(CtgovCountries.code(name)).contains(code);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Kosovo", "Former Serbia and Montenegro", "Netherlands Antilles", "Atlantis"})
  void namesWithoutACode(String name) {
    assertThat(CtgovCountries.code(name)).isEmpty();
  }
}
