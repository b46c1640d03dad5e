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
public record RegionConfig(int meters, int days, LocalDate start, long seed, int metersPerSubstation)
        implements java.io.Serializable {

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
                            String.valueOf(d.metersPerSubstation)).strip()));
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
