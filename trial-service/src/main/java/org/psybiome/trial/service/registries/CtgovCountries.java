package org.psybiome.trial.service.registries;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Countries as ClinicalTrials.gov names them in a location's {@code country} ("United States",
 * "Korea, Republic of", "Iran, Islamic Republic of", "Russian Federation", "Taiwan"), against ISO
 * 3166-1 alpha-2 codes, which the record holds. Both directions live here so that the import and
 * the export agree: {@link #name} gives the name ClinicalTrials.gov writes now, {@link #code} also
 * accepts the names it wrote before (Czech Republic, Turkey/Türkiye, Swaziland, Libyan Arab
 * Jamahiriya, Macedonia, The Former Yugoslav Republic of) and the ISO 3166 short names where they
 * differ (Viet Nam, Tanzania, United Republic of).
 */
public final class CtgovCountries {

  private static final Map<String, String> NAMES = new LinkedHashMap<>();
  private static final Map<String, String> CODES = new HashMap<>();

  static {
    country("AF", "Afghanistan");
    country("AX", "Åland Islands");
    country("AL", "Albania");
    country("DZ", "Algeria");
    country("AS", "American Samoa");
    country("AD", "Andorra");
    country("AO", "Angola");
    country("AI", "Anguilla");
    country("AG", "Antigua and Barbuda");
    country("AR", "Argentina");
    country("AM", "Armenia");
    country("AW", "Aruba");
    country("AU", "Australia");
    country("AT", "Austria");
    country("AZ", "Azerbaijan");
    country("BS", "Bahamas");
    country("BH", "Bahrain");
    country("BD", "Bangladesh");
    country("BB", "Barbados");
    country("BY", "Belarus");
    country("BE", "Belgium");
    country("BZ", "Belize");
    country("BJ", "Benin");
    country("BM", "Bermuda");
    country("BT", "Bhutan");
    country("BO", "Bolivia", "Bolivia, Plurinational State of");
    country("BA", "Bosnia and Herzegovina");
    country("BW", "Botswana");
    country("BR", "Brazil");
    country("BN", "Brunei Darussalam", "Brunei");
    country("BG", "Bulgaria");
    country("BF", "Burkina Faso");
    country("BI", "Burundi");
    country("KH", "Cambodia");
    country("CM", "Cameroon");
    country("CA", "Canada");
    country("CV", "Cape Verde", "Cabo Verde");
    country("KY", "Cayman Islands");
    country("CF", "Central African Republic");
    country("TD", "Chad");
    country("CL", "Chile");
    country("CN", "China");
    country("CO", "Colombia");
    country("KM", "Comoros");
    country("CG", "Congo");
    country("CD", "Congo, The Democratic Republic of the");
    country("CK", "Cook Islands");
    country("CR", "Costa Rica");
    country("CI", "Côte D'Ivoire", "Cote D'Ivoire", "Côte d'Ivoire");
    country("HR", "Croatia");
    country("CU", "Cuba");
    country("CW", "Curaçao");
    country("CY", "Cyprus");
    country("CZ", "Czechia", "Czech Republic");
    country("DK", "Denmark");
    country("DJ", "Djibouti");
    country("DM", "Dominica");
    country("DO", "Dominican Republic");
    country("EC", "Ecuador");
    country("EG", "Egypt");
    country("SV", "El Salvador");
    country("GQ", "Equatorial Guinea");
    country("ER", "Eritrea");
    country("EE", "Estonia");
    country("SZ", "Eswatini", "Swaziland");
    country("ET", "Ethiopia");
    country("FK", "Falkland Islands (Malvinas)");
    country("FO", "Faroe Islands");
    country("FJ", "Fiji");
    country("FI", "Finland");
    country("FR", "France");
    country("GF", "French Guiana");
    country("PF", "French Polynesia");
    country("GA", "Gabon");
    country("GM", "Gambia");
    country("GE", "Georgia");
    country("DE", "Germany");
    country("GH", "Ghana");
    country("GI", "Gibraltar");
    country("GR", "Greece");
    country("GL", "Greenland");
    country("GD", "Grenada");
    country("GP", "Guadeloupe");
    country("GU", "Guam");
    country("GT", "Guatemala");
    country("GG", "Guernsey");
    country("GN", "Guinea");
    country("GW", "Guinea-Bissau");
    country("GY", "Guyana");
    country("HT", "Haiti");
    country("VA", "Holy See (Vatican City State)");
    country("HN", "Honduras");
    country("HK", "Hong Kong");
    country("HU", "Hungary");
    country("IS", "Iceland");
    country("IN", "India");
    country("ID", "Indonesia");
    country("IR", "Iran, Islamic Republic of");
    country("IQ", "Iraq");
    country("IE", "Ireland");
    country("IM", "Isle of Man");
    country("IL", "Israel");
    country("IT", "Italy");
    country("JM", "Jamaica");
    country("JP", "Japan");
    country("JE", "Jersey");
    country("JO", "Jordan");
    country("KZ", "Kazakhstan");
    country("KE", "Kenya");
    country("KI", "Kiribati");
    country("KP", "Korea, Democratic People's Republic of");
    country("KR", "Korea, Republic of");
    // Kosovo has no ISO 3166-1 code (XK is user-assigned) and the record takes ISO codes only:
    // a site there stays in the import's unmapped items
    country("KW", "Kuwait");
    country("KG", "Kyrgyzstan");
    country("LA", "Lao People's Democratic Republic");
    country("LV", "Latvia");
    country("LB", "Lebanon");
    country("LS", "Lesotho");
    country("LR", "Liberia");
    country("LY", "Libya", "Libyan Arab Jamahiriya");
    country("LI", "Liechtenstein");
    country("LT", "Lithuania");
    country("LU", "Luxembourg");
    country("MO", "Macao", "Macau");
    country("MG", "Madagascar");
    country("MW", "Malawi");
    country("MY", "Malaysia");
    country("MV", "Maldives");
    country("ML", "Mali");
    country("MT", "Malta");
    country("MH", "Marshall Islands");
    country("MQ", "Martinique");
    country("MR", "Mauritania");
    country("MU", "Mauritius");
    country("YT", "Mayotte");
    country("MX", "Mexico");
    country("FM", "Micronesia, Federated States of");
    country("MD", "Moldova, Republic of");
    country("MC", "Monaco");
    country("MN", "Mongolia");
    country("ME", "Montenegro");
    country("MS", "Montserrat");
    country("MA", "Morocco");
    country("MZ", "Mozambique");
    country("MM", "Myanmar");
    country("NA", "Namibia");
    country("NR", "Nauru");
    country("NP", "Nepal");
    country("NL", "Netherlands");
    country("NC", "New Caledonia");
    country("NZ", "New Zealand");
    country("NI", "Nicaragua");
    country("NE", "Niger");
    country("NG", "Nigeria");
    country("NU", "Niue");
    country("NF", "Norfolk Island");
    country("MK", "North Macedonia", "Macedonia, The Former Yugoslav Republic of");
    country("MP", "Northern Mariana Islands");
    country("NO", "Norway");
    country("OM", "Oman");
    country("PK", "Pakistan");
    country("PW", "Palau");
    country("PS", "Palestinian Territory, occupied", "Palestine, State of");
    country("PA", "Panama");
    country("PG", "Papua New Guinea");
    country("PY", "Paraguay");
    country("PE", "Peru");
    country("PH", "Philippines");
    country("PL", "Poland");
    country("PT", "Portugal");
    country("PR", "Puerto Rico");
    country("QA", "Qatar");
    country("RE", "Réunion", "Reunion");
    country("RO", "Romania");
    country("RU", "Russian Federation");
    country("RW", "Rwanda");
    country("BL", "Saint Barthélemy");
    country("KN", "Saint Kitts and Nevis");
    country("LC", "Saint Lucia");
    country("MF", "Saint Martin");
    country("PM", "Saint Pierre and Miquelon");
    country("VC", "Saint Vincent and the Grenadines");
    country("WS", "Samoa");
    country("SM", "San Marino");
    country("ST", "Sao Tome and Principe");
    country("SA", "Saudi Arabia");
    country("SN", "Senegal");
    country("RS", "Serbia");
    country("SC", "Seychelles");
    country("SL", "Sierra Leone");
    country("SG", "Singapore");
    country("SX", "Sint Maarten (Dutch part)");
    country("SK", "Slovakia");
    country("SI", "Slovenia");
    country("SB", "Solomon Islands");
    country("SO", "Somalia");
    country("ZA", "South Africa");
    country("SS", "South Sudan");
    country("ES", "Spain");
    country("LK", "Sri Lanka");
    country("SD", "Sudan");
    country("SR", "Suriname");
    country("SE", "Sweden");
    country("CH", "Switzerland");
    country("SY", "Syrian Arab Republic");
    country("TW", "Taiwan", "Taiwan, Province of China");
    country("TJ", "Tajikistan");
    country("TZ", "Tanzania", "Tanzania, United Republic of");
    country("TH", "Thailand");
    country("TL", "Timor-Leste");
    country("TG", "Togo");
    country("TO", "Tonga");
    country("TT", "Trinidad and Tobago");
    country("TN", "Tunisia");
    country("TR", "Turkey", "Türkiye");
    country("TM", "Turkmenistan");
    country("TC", "Turks and Caicos Islands");
    country("TV", "Tuvalu");
    country("UG", "Uganda");
    country("UA", "Ukraine");
    country("AE", "United Arab Emirates");
    country("GB", "United Kingdom");
    country("US", "United States");
    country("UM", "United States Minor Outlying Islands");
    country("UY", "Uruguay");
    country("UZ", "Uzbekistan");
    country("VU", "Vanuatu");
    country("VE", "Venezuela", "Venezuela, Bolivarian Republic of");
    country("VN", "Vietnam", "Viet Nam");
    country("VG", "Virgin Islands (British)");
    country("VI", "Virgin Islands (U.S.)");
    country("WF", "Wallis and Futuna");
    country("EH", "Western Sahara");
    country("YE", "Yemen");
    country("ZM", "Zambia");
    country("ZW", "Zimbabwe");
  }

  private CtgovCountries() {}

  private static void country(String code, String name, String... formerNames) {
    NAMES.put(code, name);
    CODES.put(key(name), code);
    for (String former : formerNames) {
      CODES.put(key(former), code);
    }
  }

  /** Case, accents and the apostrophe's form do not tell two spellings of a name apart. */
  private static String key(String name) {
    String folded =
        Normalizer.normalize(name.strip(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace('\u2019', '\'');
    return folded.toLowerCase(Locale.ROOT);
  }

  /** The ISO 3166-1 alpha-2 code of a country as ClinicalTrials.gov names it, now or before. */
  public static Optional<String> code(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(CODES.get(key(name)));
  }

  /** The name ClinicalTrials.gov writes for an ISO 3166-1 alpha-2 code. */
  public static Optional<String> name(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(NAMES.get(code));
  }
}
