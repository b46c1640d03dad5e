package org.energycommons.workbench.jobs.opendata;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.energycommons.workbench.models.usecase.NamespacedOptions;
import org.energycommons.workbench.models.usecase.OptionKeys;

/**
 * How the open datasets are described to the portals that harvest them: publisher, its SIRET, base URL,
 * update frequency, keywords and which sources are under the ODbL; bound from {@code workbench.opendata.*}.
 *
 * @param publisher          the publishing body's name (DCAT {@code dct:publisher}, SCDL {@code COLL_NOM} and
 *                           {@code PRODUCTEUR_NOM})
 * @param publisherSiret     its SIRET, 14 digits, or empty; SCDL requires it, so the export warns while it is empty
 * @param baseUrl            where {@code publish/} is served (absolute download URLs), or empty for relative ones
 * @param accrualPeriodicity how often the datasets are republished: {@code daily}, {@code weekly}, {@code monthly},
 *                           {@code quarterly}, {@code annual} or {@code irregular}
 * @param keywords           comma-separated keywords, French
 * @param odblSources        comma-separated connector names whose data are under the ODbL: a dataset computed from
 *                           one of them is published under the ODbL (share-alike), else under Licence Ouverte 2.0
 */
public record OpenDataOptions(String publisher, String publisherSiret, String baseUrl, String accrualPeriodicity,
                              String keywords, String odblSources) implements NamespacedOptions {

    /** Key prefix. */
    public static final String PREFIX = "workbench.opendata.";

    /** Update frequencies: DCAT frequency (EU vocabulary) and SCDL wording. */
    static final Map<String, String[]> FREQUENCIES = Map.of(
            "daily", new String[] {"DAILY", "quotidienne"},
            "weekly", new String[] {"WEEKLY", "hebdomadaire"},
            "monthly", new String[] {"MONTHLY", "mensuelle"},
            "quarterly", new String[] {"QUARTERLY", "trimestrielle"},
            "annual", new String[] {"ANNUAL", "annuelle"},
            "irregular", new String[] {"IRREG", "irrégulière"});

    private static final Pattern SIRET = Pattern.compile("\\d{14}");

    public OpenDataOptions {
        if (publisher == null || publisher.isBlank()) {
            throw new IllegalArgumentException(PREFIX + "publisher must not be empty");
        }
        if (!publisherSiret.isEmpty() && !SIRET.matcher(publisherSiret).matches()) {
            throw new IllegalArgumentException(PREFIX + "publisher_siret must be 14 digits, got '" + publisherSiret
                    + "'");
        }
        if (!baseUrl.isEmpty() && !baseUrl.matches("https?://\\S+")) {
            throw new IllegalArgumentException(PREFIX + "base_url must be an http(s) URL, got '" + baseUrl + "'");
        }
        if (!FREQUENCIES.containsKey(accrualPeriodicity)) {
            throw new IllegalArgumentException(PREFIX + "accrual_periodicity must be one of "
                    + FREQUENCIES.keySet().stream().sorted().toList() + ", got '" + accrualPeriodicity + "'");
        }
    }

    /** The defaults: the programme as publisher, no SIRET, relative URLs, republished irregularly. */
    public static OpenDataOptions defaults() {
        return new OpenDataOptions("Energy Commons Workbench", "", "", "irregular",
                "énergie,électricité,gaz,bâtiment,rénovation,open data", "");
    }

    /** Reads {@code workbench.opendata.*}; unknown keys are refused. */
    public static OpenDataOptions of(Properties p) {
        return OptionKeys.bind(p, PREFIX, defaults());
    }

    @Override
    public String keyPrefix() {
        return PREFIX;
    }

    /** The keywords, one by one. */
    public List<String> keywordList() {
        return split(keywords);
    }

    /** The connectors whose data are under the ODbL. */
    public List<String> odblSourceList() {
        return split(odblSources);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
