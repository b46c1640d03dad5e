package org.energycommons.workbench.datasets.synthetic;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * The size and seed of a synthetic region: validated options, same seed and sizes give identical rows.
 *
 * @param meters number of electricity delivery points
 * @param days number of local days of load curves and weather
 * @param start first local day (Europe/Paris)
 * @param seed the random seed every generated value derives from
 * @param metersPerSubstation delivery points per HTA/BT substation (at least 10, the secrecy threshold)
 */
public record RegionConfig(int meters, int days, LocalDate start, long seed, int metersPerSubstation,
                           SyntheticWeather.Wave coldSpell) implements java.io.Serializable {

    /** Properties key prefix. */
    public static final String PREFIX = "workbench.region.";
    /** First day for which the French calendar data (zone B school holidays) is available. */
    public static final LocalDate EARLIEST_START = LocalDate.of(2019, 9, 1);
    /** Last day covered by the calendar data. */
    public static final LocalDate LATEST_END = LocalDate.of(2027, 8, 31);

    public RegionConfig {
        if (meters < 10) {
            throw new IllegalArgumentException("--meters must be at least 10, got " + meters);
        }
        if (days < 35) {
            throw new IllegalArgumentException("--days must be at least 35 (five weeks: lags and splits), got " + days);
        }
        if (start == null) {
            throw new IllegalArgumentException("--start is required");
        }
        if (start.isBefore(EARLIEST_START) || start.plusDays(days - 1L).isAfter(LATEST_END)) {
            throw new IllegalArgumentException("the region must lie within " + EARLIEST_START + ".." + LATEST_END
                    + " (French calendar data), got " + start + " + " + days + " days");
        }
        if (metersPerSubstation < 10) {
            throw new IllegalArgumentException("metersPerSubstation must be at least 10 (statistical secrecy), got "
                    + metersPerSubstation);
        }
        if (coldSpell != null) {
            if (coldSpell.days() < 1 || coldSpell.days() > 60 || !(coldSpell.deltaC() < 0)
                    || coldSpell.deltaC() < -25) {
                throw new IllegalArgumentException("--cold-spell: 1 to 60 days and a drop between -25 and 0 °C, got "
                        + coldSpell.days() + " days and " + coldSpell.deltaC() + " °C");
            }
            if (coldSpell.start().isBefore(start) || coldSpell.start().plusDays(coldSpell.days() - 1L)
                    .isAfter(start.plusDays(days - 1L))) {
                throw new IllegalArgumentException("--cold-spell must lie within the region's days " + start + ".."
                        + start.plusDays(days - 1L) + ", got " + coldSpell.start() + " + " + coldSpell.days()
                        + " days");
            }
        }
    }

    /** A region without an added cold spell. */
    public RegionConfig(int meters, int days, LocalDate start, long seed, int metersPerSubstation) {
        this(meters, days, start, seed, metersPerSubstation, null);
    }

    /**
     * Parses a cold spell {@code START/DAYS/DROP} (e.g. {@code 2024-12-02/14/-10}: from 2 December 2024, 14 days,
     * the temperature down by up to 10 °C, a smooth bump as the region's own cold waves).
     */
    public static SyntheticWeather.Wave coldSpell(String text) {
        String[] parts = text.strip().split("/");
        if (parts.length != 3) {
            throw new IllegalArgumentException("--cold-spell: expected START/DAYS/DROP such as 2024-12-02/14/-10, got '"
                    + text + "'");
        }
        try {
            return new SyntheticWeather.Wave(LocalDate.parse(parts[0].strip()), Integer.parseInt(parts[1].strip()),
                    Double.parseDouble(parts[2].strip()));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("--cold-spell: expected START/DAYS/DROP such as 2024-12-02/14/-10, got '"
                    + text + "'", e);
        }
    }

    /** The default region: runs end to end on a 2-core laptop in minutes. */
    public static RegionConfig defaults() {
        return new RegionConfig(300, 730, LocalDate.of(2023, 1, 1), 42L, 25);
    }

    /** Reads {@code workbench.region.*} keys; missing keys take the defaults. */
    public static RegionConfig of(Properties props) {
        RegionConfig d = defaults();
        try {
            return new RegionConfig(
                    Integer.parseInt(props.getProperty(PREFIX + "meters", String.valueOf(d.meters)).strip()),
                    Integer.parseInt(props.getProperty(PREFIX + "days", String.valueOf(d.days)).strip()),
                    LocalDate.parse(props.getProperty(PREFIX + "start", d.start.toString()).strip()),
                    Long.parseLong(props.getProperty(PREFIX + "seed", String.valueOf(d.seed)).strip()),
                    Integer.parseInt(props.getProperty(PREFIX + "meters_per_substation",
                            String.valueOf(d.metersPerSubstation)).strip()),
                    props.getProperty(PREFIX + "cold_spell") == null ? null
                            : coldSpell(props.getProperty(PREFIX + "cold_spell")));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("bad region option: " + e.getMessage(), e);
        }
    }

    /** The options as properties, the inverse of {@link #of(Properties)}. */
    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty(PREFIX + "meters", String.valueOf(meters));
        p.setProperty(PREFIX + "days", String.valueOf(days));
        p.setProperty(PREFIX + "start", start.toString());
        p.setProperty(PREFIX + "seed", String.valueOf(seed));
        p.setProperty(PREFIX + "meters_per_substation", String.valueOf(metersPerSubstation));
        if (coldSpell != null) {
            p.setProperty(PREFIX + "cold_spell", coldSpell.start() + "/" + coldSpell.days() + "/" + coldSpell.deltaC());
        }
        return p;
    }

    /** Last local day, inclusive. */
    public LocalDate end() {
        return start.plusDays(days - 1L);
    }

    /** Number of substations: every substation gets at least {@link #metersPerSubstation()} meters. */
    public int substations() {
        return Math.max(1, meters / metersPerSubstation);
    }
}
