package org.energycommons.workbench.datasets.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The French energy calendar used by load models: metropolitan public holidays, bridge days ("ponts"), school
 * holidays of one academic zone and the number of half-hours of each civil day in {@link #PARIS Europe/Paris}.
 *
 * <p><b>Public holidays</b> are the eleven metropolitan "jours fériés" (Code du travail, art. L3133-1): 1 January,
 * Easter Monday, 1 May, 8 May, Ascension Thursday (Easter + 39 days), Whit Monday (Easter + 50 days), 14 July,
 * 15 August, 1 November, 11 November and 25 December. Easter Sunday is computed with the anonymous Gregorian
 * (Meeus/Jones/Butcher) algorithm, so any year of the proleptic Gregorian calendar of {@link LocalDate} is
 * supported. The current list is applied to every year: the dates at which individual holidays were instituted
 * (8 May restored in 1981, for instance) are not modelled, and neither are the two extra holidays of Alsace-Moselle.
 *
 * <p><b>School holidays</b> are read from a semicolon-separated resource with the header
 * {@code name;first_day_off;last_day_off} (ISO dates, both inclusive). {@code first_day_off} is the first day without
 * class, which is the official "fin des cours" Saturday (or, when classes end on a weekday, the day after it);
 * {@code last_day_off} is the day before the official "reprise des cours". The {@linkplain #standard() standard}
 * calendar reads {@code /calendar/school-holidays-zone-b.csv}: the zone B dates of the Ministère de l'Éducation
 * nationale for the school years 2019-2020 to 2026-2027, plus the end of the 2019 summer holidays so that the
 * coverage starts before the 2019 "rentrée". Besides the four zoned or national breaks (Toussaint, Noël, hiver,
 * printemps) and the national summer holidays ("Vacances d'été"), it lists the national "Pont de l'Ascension"
 * (no class on the Friday after Ascension), which the official calendars have fixed since 2019-2020. The spring
 * 2021 break is the one actually taken (10 to 25 April 2021, unified by the government for all zones during the
 * Covid-19 epidemic), not the one first published. The date of the 2027 "rentrée" was not part of the data, so the
 * 2027 summer row, and with it the coverage, stops on 31 August 2027. Outside the coverage
 * {@link #isSchoolHoliday(LocalDate)} throws rather than guess.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FrenchCalendar {

    /** The civil time zone of metropolitan France. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Class-path location of the zone B school-holiday table read by {@link #standard()}. */
    public static final String ZONE_B_RESOURCE = "/calendar/school-holidays-zone-b.csv";

    /** Expected header of a school-holiday table. */
    public static final String CSV_HEADER = "name;first_day_off;last_day_off";

    private static final int MINUTES_PER_HALF_HOUR = 30;

    private final String zoneLabel;
    private final NavigableMap<LocalDate, SchoolHolidayPeriod> schoolHolidaysByFirstDay;
    private final List<SchoolHolidayPeriod> schoolHolidayPeriods;
    private final LocalDate coverageStart;
    private final LocalDate coverageEnd;
    private final Map<Integer, Map<LocalDate, String>> publicHolidaysByYear = new ConcurrentHashMap<>();

    /**
     * One school-holiday period of the table: a named run of consecutive days without class.
     *
     * @param name the official name, e.g. {@code Vacances de Noël}
     * @param firstDayOff the first day without class (inclusive)
     * @param lastDayOff the last day without class, the day before the "reprise des cours" (inclusive)
     */
    public record SchoolHolidayPeriod(String name, LocalDate firstDayOff, LocalDate lastDayOff) {

        /** Validates the period: a non-blank name and {@code firstDayOff <= lastDayOff}. */
        public SchoolHolidayPeriod {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(firstDayOff, "firstDayOff");
            Objects.requireNonNull(lastDayOff, "lastDayOff");
            if (name.isBlank()) {
                throw new IllegalArgumentException("school-holiday name must not be blank");
            }
            if (lastDayOff.isBefore(firstDayOff)) {
                throw new IllegalArgumentException(
                        "school holiday '" + name + "' ends (" + lastDayOff + ") before it starts (" + firstDayOff + ")");
            }
        }

        /** Returns whether {@code date} lies within the period, both ends included. */
        public boolean contains(LocalDate date) {
            return !date.isBefore(firstDayOff) && !date.isAfter(lastDayOff);
        }
    }

    /**
     * One day of the calendar with every attribute a load model uses.
     *
     * @param date the civil date
     * @param isoDayOfWeek ISO day of week, 1 = Monday to 7 = Sunday
     * @param weekend whether the day is a Saturday or a Sunday
     * @param publicHoliday whether the day is a metropolitan public holiday
     * @param holidayName the public holiday's name, {@code null} if the day is not a public holiday
     * @param schoolHoliday whether the day falls in a school-holiday period of the calendar's zone
     * @param bridgeDay whether the day is a bridge day ("pont"), see {@link FrenchCalendar#isBridgeDay(LocalDate)}
     * @param halfHours number of 30-minute intervals in the civil day in Europe/Paris: 46, 48 or 50
     */
    public record CalendarDay(LocalDate date, int isoDayOfWeek, boolean weekend, boolean publicHoliday,
                              String holidayName, boolean schoolHoliday, boolean bridgeDay, int halfHours) {

        /** Validates the day: a date, an ISO day of week in 1..7 and a holiday name exactly when a holiday. */
        public CalendarDay {
            Objects.requireNonNull(date, "date");
            if (isoDayOfWeek < 1 || isoDayOfWeek > 7) {
                throw new IllegalArgumentException("ISO day of week must be in 1..7, got " + isoDayOfWeek);
            }
            if (publicHoliday != (holidayName != null)) {
                throw new IllegalArgumentException("holidayName must be set exactly when publicHoliday is true");
            }
        }
    }

    private FrenchCalendar(String zoneLabel, List<SchoolHolidayPeriod> periods) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("no school-holiday period in " + zoneLabel);
        }
        List<SchoolHolidayPeriod> sorted = new ArrayList<>(periods);
        sorted.sort((a, b) -> a.firstDayOff().compareTo(b.firstDayOff()));
        NavigableMap<LocalDate, SchoolHolidayPeriod> byFirstDay = new TreeMap<>();
        SchoolHolidayPeriod previous = null;
        for (SchoolHolidayPeriod period : sorted) {
            if (previous != null && !period.firstDayOff().isAfter(previous.lastDayOff())) {
                throw new IllegalArgumentException("school holidays overlap in " + zoneLabel + ": " + previous
                        + " and " + period);
            }
            byFirstDay.put(period.firstDayOff(), period);
            previous = period;
        }
        this.zoneLabel = zoneLabel;
        this.schoolHolidaysByFirstDay = Collections.unmodifiableNavigableMap(byFirstDay);
        this.schoolHolidayPeriods = List.copyOf(sorted);
        this.coverageStart = sorted.get(0).firstDayOff();
        this.coverageEnd = sorted.get(sorted.size() - 1).lastDayOff();
    }

    /**
     * Returns the calendar of metropolitan France with the school holidays of zone B, read once from
     * {@value #ZONE_B_RESOURCE}.
     */
    public static FrenchCalendar standard() {
        return StandardHolder.INSTANCE;
    }

    /** Lazy, thread-safe holder of the standard calendar. */
    private static final class StandardHolder {
        private static final FrenchCalendar INSTANCE = loadStandard();

        private static FrenchCalendar loadStandard() {
            try (InputStream in = FrenchCalendar.class.getResourceAsStream(ZONE_B_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("class-path resource " + ZONE_B_RESOURCE + " not found");
                }
                return fromSchoolHolidayCsv("zone B", in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + ZONE_B_RESOURCE, e);
            }
        }
    }

    /**
     * Builds a calendar from a school-holiday table in the format described in the class comment (UTF-8, header
     * {@value #CSV_HEADER}, blank lines ignored). The school-holiday coverage runs from the earliest
     * {@code first_day_off} to the latest {@code last_day_off}: the table must list every period in between.
     *
     * @param zoneLabel label of the school zone, used in messages, e.g. {@code zone B}
     * @param csv the table; read to its end but not closed
     * @throws IllegalArgumentException when the table is malformed, empty or has overlapping periods
     * @throws IOException when the table cannot be read
     */
    public static FrenchCalendar fromSchoolHolidayCsv(String zoneLabel, InputStream csv) throws IOException {
        Objects.requireNonNull(zoneLabel, "zoneLabel");
        Objects.requireNonNull(csv, "csv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalArgumentException("empty school-holiday table for " + zoneLabel);
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (!header.strip().equals(CSV_HEADER)) {
            throw new IllegalArgumentException("school-holiday table for " + zoneLabel + " must start with '"
                    + CSV_HEADER + "', found '" + header + "'");
        }
        List<SchoolHolidayPeriod> periods = new ArrayList<>();
        int lineNumber = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(";", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("line " + lineNumber + " of the " + zoneLabel
                        + " school-holiday table has " + fields.length + " fields, expected 3: '" + line + "'");
            }
            try {
                periods.add(new SchoolHolidayPeriod(fields[0].strip(), LocalDate.parse(fields[1].strip()),
                        LocalDate.parse(fields[2].strip())));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNumber + " of the " + zoneLabel
                        + " school-holiday table is invalid: '" + line + "': " + e.getMessage(), e);
            }
        }
        return new FrenchCalendar(zoneLabel, periods);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Public holidays

    /**
     * Returns Easter Sunday of {@code year} by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), valid for
     * any year of the proleptic Gregorian calendar.
     */
    public static LocalDate easterSunday(int year) {
        int a = Math.floorMod(year, 19);
        int b = Math.floorDiv(year, 100);
        int c = Math.floorMod(year, 100);
        int d = Math.floorDiv(b, 4);
        int e = Math.floorMod(b, 4);
        int f = Math.floorDiv(b + 8, 25);
        int g = Math.floorDiv(b - f + 1, 3);
        int h = Math.floorMod(19 * a + b - d - g + 15, 30);
        int i = Math.floorDiv(c, 4);
        int k = Math.floorMod(c, 4);
        int l = Math.floorMod(32 + 2 * e + 2 * i - h - k, 7);
        int m = Math.floorDiv(a + 11 * h + 22 * l, 451);
        int monthAndDay = h + l - 7 * m + 114;
        return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
    }

    /**
     * Returns the eleven metropolitan public holidays of {@code year}, in date order, each with its French name.
     * When two holidays fall on the same day (Ascension on 1 or 8 May, as on 1 May 2008) the day appears once,
     * with both names joined by {@code " / "}.
     */
    public Map<LocalDate, String> publicHolidays(int year) {
        return publicHolidaysByYear.computeIfAbsent(year, FrenchCalendar::computePublicHolidays);
    }

    private static Map<LocalDate, String> computePublicHolidays(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, String> holidays = new TreeMap<>();
        BiConsumer<LocalDate, String> add = (date, name) -> holidays.merge(date, name, (a, b) -> a + " / " + b);
        add.accept(LocalDate.of(year, 1, 1), "Jour de l'an");
        add.accept(easter.plusDays(1), "Lundi de Pâques");
        add.accept(LocalDate.of(year, 5, 1), "Fête du Travail");
        add.accept(LocalDate.of(year, 5, 8), "Victoire 1945");
        add.accept(easter.plusDays(39), "Ascension");
        add.accept(easter.plusDays(50), "Lundi de Pentecôte");
        add.accept(LocalDate.of(year, 7, 14), "Fête nationale");
        add.accept(LocalDate.of(year, 8, 15), "Assomption");
        add.accept(LocalDate.of(year, 11, 1), "Toussaint");
        add.accept(LocalDate.of(year, 11, 11), "Armistice 1918");
        add.accept(LocalDate.of(year, 12, 25), "Noël");
        return Collections.unmodifiableMap(holidays);
    }

    /** Returns whether {@code date} is one of the eleven metropolitan public holidays. */
    public boolean isPublicHoliday(LocalDate date) {
        return publicHolidayName(date).isPresent();
    }

    /** Returns the French name of the public holiday on {@code date}, or empty if {@code date} is not one. */
    public Optional<String> publicHolidayName(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return Optional.ofNullable(publicHolidays(date.getYear()).get(date));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Working days and bridges

    /** Returns whether {@code date} is a Saturday or a Sunday. */
    public boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    /** Returns whether {@code date} is a working day: Monday to Friday and not a public holiday. */
    public boolean isWorkingDay(LocalDate date) {
        return !isWeekend(date) && !isPublicHoliday(date);
    }

    /**
     * Returns whether {@code date} is a bridge day ("pont"): a working day squeezed between a public holiday and a
     * weekend, that is a Monday before a Tuesday holiday or a Friday after a Thursday holiday.
     */
    public boolean isBridgeDay(LocalDate date) {
        if (!isWorkingDay(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return (day == DayOfWeek.MONDAY && isPublicHoliday(date.plusDays(1)))
                || (day == DayOfWeek.FRIDAY && isPublicHoliday(date.minusDays(1)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // School holidays

    /** Returns the label of the school zone, e.g. {@code zone B}. */
    public String schoolZone() {
        return zoneLabel;
    }

    /** Returns the first date for which school-holiday data is available (inclusive). */
    public LocalDate schoolHolidayCoverageStart() {
        return coverageStart;
    }

    /** Returns the last date for which school-holiday data is available (inclusive). */
    public LocalDate schoolHolidayCoverageEnd() {
        return coverageEnd;
    }

    /** Returns the school-holiday periods of the table, in date order. */
    public List<SchoolHolidayPeriod> schoolHolidayPeriods() {
        return schoolHolidayPeriods;
    }

    /**
     * Returns whether {@code date} falls in a school-holiday period.
     *
     * @throws IllegalArgumentException when {@code date} is outside the
     *         {@linkplain #schoolHolidayCoverageStart() coverage} of the school-holiday data
     */
    public boolean isSchoolHoliday(LocalDate date) {
        return schoolHoliday(date).isPresent();
    }

    /**
     * Returns the school-holiday period that contains {@code date}, or empty on a school day.
     *
     * @throws IllegalArgumentException when {@code date} is outside the
     *         {@linkplain #schoolHolidayCoverageStart() coverage} of the school-holiday data
     */
    public Optional<SchoolHolidayPeriod> schoolHoliday(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(coverageStart) || date.isAfter(coverageEnd)) {
            throw new IllegalArgumentException("no " + zoneLabel + " school-holiday data for " + date + "; covered: "
                    + coverageStart + ".." + coverageEnd);
        }
        Map.Entry<LocalDate, SchoolHolidayPeriod> candidate = schoolHolidaysByFirstDay.floorEntry(date);
        if (candidate == null || !candidate.getValue().contains(date)) {
            return Optional.empty();
        }
        return Optional.of(candidate.getValue());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Day length and day tables

    /**
     * Returns the number of 30-minute intervals in the civil day {@code date} in Europe/Paris, from the time-zone
     * rules: 46 on the day clocks go forward (last Sunday of March), 50 on the day they go back (last Sunday of
     * October), 48 otherwise.
     */
    public int halfHoursInLocalDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        Duration length = Duration.between(date.atStartOfDay(PARIS), date.plusDays(1).atStartOfDay(PARIS));
        long minutes = length.toMinutes();
        if (minutes % MINUTES_PER_HALF_HOUR != 0 || length.toSecondsPart() != 0) {
            throw new IllegalStateException("civil day " + date + " in " + PARIS + " lasts " + length
                    + ", not a whole number of half-hours");
        }
        return Math.toIntExact(minutes / MINUTES_PER_HALF_HOUR);
    }

    /**
     * Returns one {@link CalendarDay} per date from {@code fromInclusive} to {@code toInclusive}.
     *
     * @throws IllegalArgumentException when {@code toInclusive} is before {@code fromInclusive}, or when part of the
     *         range is outside the school-holiday coverage
     */
    public List<CalendarDay> days(LocalDate fromInclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromInclusive)) {
            throw new IllegalArgumentException("empty date range: " + fromInclusive + ".." + toInclusive);
        }
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate date = fromInclusive; !date.isAfter(toInclusive); date = date.plusDays(1)) {
            days.add(day(date));
        }
        return Collections.unmodifiableList(days);
    }

    /**
     * Returns the {@link CalendarDay} of {@code date}.
     *
     * @throws IllegalArgumentException when {@code date} is outside the school-holiday coverage
     */
    public CalendarDay day(LocalDate date) {
        Objects.requireNonNull(date, "date");
        String holidayName = publicHolidayName(date).orElse(null);
        return new CalendarDay(date, date.getDayOfWeek().getValue(), isWeekend(date), holidayName != null,
                holidayName, isSchoolHoliday(date), isBridgeDay(date), halfHoursInLocalDay(date));
    }

    @Override
    public String toString() {
        return "FrenchCalendar[metropolitan France, school " + zoneLabel + " " + coverageStart + ".." + coverageEnd
                + "]";
    }
}
