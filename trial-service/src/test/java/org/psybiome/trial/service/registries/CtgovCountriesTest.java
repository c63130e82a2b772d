package org.psybiome.trial.service.registries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** ClinicalTrials.gov's country names against ISO 3166-1 alpha-2, both ways. */
class CtgovCountriesTest {

  @Test
  void namesAreClinicalTrialsGovsOwn() {
    assertThat(CtgovCountries.name("US")).contains("United States");
    assertThat(CtgovCountries.name("GB")).contains("United Kingdom");
    assertThat(CtgovCountries.name("KR")).contains("Korea, Republic of");
    assertThat(CtgovCountries.name("KP")).contains("Korea, Democratic People's Republic of");
    assertThat(CtgovCountries.name("IR")).contains("Iran, Islamic Republic of");
    assertThat(CtgovCountries.name("RU")).contains("Russian Federation");
    assertThat(CtgovCountries.name("TW")).contains("Taiwan");
    assertThat(CtgovCountries.name("ES")).contains("Spain");
    assertThat(CtgovCountries.name("GU")).contains("Guam");
  }

  @Test
  void formerNamesAndIsoShortNamesAreAliases() {
    assertThat(CtgovCountries.code("Czech Republic")).contains("CZ");
    assertThat(CtgovCountries.code("Czechia")).contains("CZ");
    assertThat(CtgovCountries.code("Turkey")).contains("TR");
    assertThat(CtgovCountries.code("Türkiye")).contains("TR");
    assertThat(CtgovCountries.code("Macedonia, The Former Yugoslav Republic of")).contains("MK");
    assertThat(CtgovCountries.code("Libyan Arab Jamahiriya")).contains("LY");
    assertThat(CtgovCountries.code("Swaziland")).contains("SZ");
    assertThat(CtgovCountries.code("Viet Nam")).contains("VN");
    assertThat(CtgovCountries.code("Taiwan, Province of China")).contains("TW");
    assertThat(CtgovCountries.code("Tanzania, United Republic of")).contains("TZ");
  }

  @Test
  void spellingOfCaseAccentsAndApostrophesDoesNotMatter() {
    assertThat(CtgovCountries.code("Côte D'Ivoire")).contains("CI");
    assertThat(CtgovCountries.code("cote d\u2019ivoire")).contains("CI");
    assertThat(CtgovCountries.code("  united states ")).contains("US");
    assertThat(CtgovCountries.code("Reunion")).contains("RE");
  }

  @Test
  void everyNameIsReadBackAsItsCodeAndEveryCodeIsIso() {
    for (String code : Locale.getISOCountries()) {
      CtgovCountries.name(code)
          .ifPresent(name -> assertThat(CtgovCountries.code(name)).as(name).contains(code));
    }
    // not ISO 3166-1, so not a code the record accepts
    assertThat(CtgovCountries.code("Kosovo")).isEmpty();
  }

  @Test
  void unknownNamesAndCodesAreEmpty() {
    assertThat(CtgovCountries.code("Atlantis")).isEmpty();
    assertThat(CtgovCountries.code(null)).isEmpty();
    assertThat(CtgovCountries.name("ZZ")).isEmpty();
  }
}
