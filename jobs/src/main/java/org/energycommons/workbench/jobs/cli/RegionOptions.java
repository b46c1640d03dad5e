package org.energycommons.workbench.jobs.cli;

import java.time.LocalDate;
import java.util.Properties;
import org.energycommons.workbench.datasets.synthetic.RegionConfig;
import picocli.CommandLine.Option;

/** Size and seed of the synthetic region, overriding the configuration. */
public final class RegionOptions {

    @Option(names = "--meters", paramLabel = "N", description = "Electricity delivery points (default 300).")
    Integer meters;

    @Option(names = "--days", paramLabel = "D", description = "Days of data (default 730).")
    Integer days;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed: same seed, same rows (default 42).")
    Long seed;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "First local day (default 2023-01-01).")
    LocalDate start;

    @Option(names = "--cold-spell", paramLabel = "START/DAYS/DROP",
            description = "Add a cold spell to the weather, e.g. 2024-12-02/14/-10: from that day, for that many days, "
                    + "down by up to that many °C (a winter colder than any the models trained on). Default: none.")
    String coldSpell;

    /** The region of the configuration with these options applied. */
    RegionConfig resolve(Properties config) {
        RegionConfig base = RegionConfig.of(config);
        return new RegionConfig(meters != null ? meters : base.meters(), days != null ? days : base.days(),
                start != null ? start : base.start(), seed != null ? seed : base.seed(), base.metersPerSubstation(),
                coldSpell != null ? RegionConfig.coldSpell(coldSpell) : base.coldSpell());
    }
}
