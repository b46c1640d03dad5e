package org.energycommons.workbench.datasets.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.energycommons.workbench.datasets.calendar.FrenchCalendar.CalendarDay;
import org.energycommons.workbench.datasets.calendar.FrenchCalendar.SchoolHolidayPeriod;
import org.junit.jupiter.api.Test;

class FrenchCalendarTest {

    private static final FrenchCalendar CAL = FrenchCalendar.standard();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    // Easter and public holidays

    @Test
    void easterSundayMatchesPublishedDates() {
        assertEquals(d("2024-03-31"), FrenchCalendar.easterSunday(2024));
        assertEquals(d("2025-04-20"), FrenchCalendar.easterSunday(2025));
        assertEquals(d("2026-04-05"), FrenchCalendar.easterSunday(2026));
        assertEquals(d("2000-04-23"), FrenchCalendar.easterSunday(2000));
        assertEquals(d("1961-04-02"), FrenchCalendar.easterSunday(1961));
        assertEquals(d("2038-04-25"), FrenchCalendar.easterSunday(2038));
        // earliest and latest possible dates
        assertEquals(d("2285-03-22"), FrenchCalendar.easterSunday(2285));
        assertEquals(d("1943-04-25"), FrenchCalendar.easterSunday(1943));
    }

    @Test
    void easterSundayIsAlwaysASundayBetween22MarchAnd25April() {
        for (int year = 1583; year <= 4099; year++) {
            LocalDate easter = FrenchCalendar.easterSunday(year);
            assertEquals(DayOfWeek.SUNDAY, easter.getDayOfWeek(), "Easter " + year);
            assertFalse(easter.isBefore(LocalDate.of(year, 3, 22)), "Easter " + year);
            assertFalse(easter.isAfter(LocalDate.of(year, 4, 25)), "Easter " + year);
        }
    }

    @Test
    void movableHolidaysOf2024() {
        assertEquals(Optional.of("Lundi de Pâques"), CAL.publicHolidayName(d("2024-04-01")));
        assertEquals(Optional.of("Ascension"), CAL.publicHolidayName(d("2024-05-09")));
        assertEquals(Optional.of("Lundi de Pentecôte"), CAL.publicHolidayName(d("2024-05-20")));
        assertFalse(CAL.isPublicHoliday(d("2024-03-31")), "Easter Sunday itself is not a public holiday");
        assertFalse(CAL.isPublicHoliday(d("2024-05-19")), "Whit Sunday is not a public holiday");
    }

    @Test
    void elevenPublicHolidaysIn2024() {
        Map<LocalDate, String> holidays = CAL.publicHolidays(2024);
        assertEquals(11, holidays.size());
        assertEquals(List.of(d("2024-01-01"), d("2024-04-01"), d("2024-05-01"), d("2024-05-08"), d("2024-05-09"),
                        d("2024-05-20"), d("2024-07-14"), d("2024-08-15"), d("2024-11-01"), d("2024-11-11"),
                        d("2024-12-25")),
                List.copyOf(holidays.keySet()));
        assertEquals("Noël", holidays.get(d("2024-12-25")));
        assertEquals("Fête nationale", holidays.get(d("2024-07-14")));
        assertEquals(Optional.empty(), CAL.publicHolidayName(d("2024-12-26")));
    }

    @Test
    void holidaysOnTheSameDayKeepBothNames() {
        // Easter 2008 was 23 March, so Ascension fell on 1 May.
        assertEquals(d("2008-03-23"), FrenchCalendar.easterSunday(2008));
        assertEquals(Optional.of("Fête du Travail / Ascension"), CAL.publicHolidayName(d("2008-05-01")));
        assertEquals(10, CAL.publicHolidays(2008).size());
    }

    // Working days and bridges

    @Test
    void workingDays() {
        assertTrue(CAL.isWorkingDay(d("2024-06-03")), "ordinary Monday");
        assertFalse(CAL.isWorkingDay(d("2024-06-01")), "Saturday");
        assertFalse(CAL.isWorkingDay(d("2024-06-02")), "Sunday");
        assertFalse(CAL.isWorkingDay(d("2024-05-08")), "Wednesday public holiday");
        assertTrue(CAL.isWorkingDay(d("2024-05-10")), "a bridge day is still a working day");
    }

    @Test
    void fridayAfterThursdayHolidayIsABridge() {
        assertTrue(CAL.isBridgeDay(d("2024-05-10")), "Friday after Ascension 2024");
        assertEquals(d("2026-05-14"), FrenchCalendar.easterSunday(2026).plusDays(39));
        assertTrue(CAL.isBridgeDay(d("2026-05-15")), "Friday after Ascension 2026");
    }

    @Test
    void mondayBeforeTuesdayHolidayIsABridge() {
        assertEquals(DayOfWeek.TUESDAY, d("2025-11-11").getDayOfWeek());
        assertTrue(CAL.isBridgeDay(d("2025-11-10")), "Monday before Armistice 2025");
    }

    @Test
    void otherDaysAreNotBridges() {
        assertFalse(CAL.isBridgeDay(d("2024-05-09")), "the holiday itself");
        assertFalse(CAL.isBridgeDay(d("2024-05-11")), "Saturday after Ascension");
        assertFalse(CAL.isBridgeDay(d("2025-11-12")), "Wednesday after a Tuesday holiday");
        assertFalse(CAL.isBridgeDay(d("2024-12-24")), "Tuesday before a Wednesday holiday");
        assertFalse(CAL.isBridgeDay(d("2026-04-30")), "Thursday before a Friday holiday");
        assertFalse(CAL.isBridgeDay(d("2024-06-03")), "ordinary Monday");
    }

    // Day length

    @Test
    void halfHoursFollowDaylightSavingTime() {
        assertEquals(46, CAL.halfHoursInLocalDay(d("2024-03-31")));
        assertEquals(50, CAL.halfHoursInLocalDay(d("2024-10-27")));
        assertEquals(48, CAL.halfHoursInLocalDay(d("2024-06-01")));
        assertEquals(46, CAL.halfHoursInLocalDay(d("2025-03-30")));
        assertEquals(50, CAL.halfHoursInLocalDay(d("2025-10-26")));
        assertEquals(48, CAL.halfHoursInLocalDay(d("2025-10-25")));
    }

    @Test
    void aCivilYearHasFortyEightHalfHoursPerDay() {
        int total = 0;
        for (LocalDate date = d("2024-01-01"); date.getYear() == 2024; date = date.plusDays(1)) {
            total += CAL.halfHoursInLocalDay(date);
        }
        assertEquals(366 * 48, total);
    }

    // School holidays

    @Test
    void christmas2024() {
        assertTrue(CAL.isSchoolHoliday(d("2024-12-25")));
        assertFalse(CAL.isSchoolHoliday(d("2025-01-07")));
        assertFalse(CAL.isSchoolHoliday(d("2024-12-20")), "last school day");
        assertTrue(CAL.isSchoolHoliday(d("2024-12-21")), "fin des cours Saturday");
        assertTrue(CAL.isSchoolHoliday(d("2025-01-05")), "Sunday before the reprise");
        assertFalse(CAL.isSchoolHoliday(d("2025-01-06")), "reprise des cours");
        assertEquals("Vacances de Noël", CAL.schoolHoliday(d("2024-12-25")).orElseThrow().name());
    }

    @Test
    void summer2024() {
        assertTrue(CAL.isSchoolHoliday(d("2024-08-01")));
        assertEquals("Vacances d'été", CAL.schoolHoliday(d("2024-08-01")).orElseThrow().name());
        assertFalse(CAL.isSchoolHoliday(d("2024-07-05")));
        assertFalse(CAL.isSchoolHoliday(d("2024-09-02")), "rentrée 2024");
    }

    @Test
    void winterAndSpringOfZoneB() {
        assertTrue(CAL.isSchoolHoliday(d("2025-02-10")), "zone B winter 2025");
        assertFalse(CAL.isSchoolHoliday(d("2025-03-03")), "zone A is still off, zone B is not");
        assertTrue(CAL.isSchoolHoliday(d("2025-04-21")), "zone B spring 2025, Easter Monday");
        assertFalse(CAL.isSchoolHoliday(d("2025-04-22")), "reprise on Tuesday 22 April 2025");
    }

    @Test
    void coverage() {
        assertEquals(d("2019-07-06"), CAL.schoolHolidayCoverageStart());
        assertEquals(d("2027-08-31"), CAL.schoolHolidayCoverageEnd());
        assertFalse(CAL.isSchoolHoliday(d("2019-09-02")), "rentrée 2019");
        assertTrue(CAL.isSchoolHoliday(d("2027-08-31")));
    }

    @Test
    void outOfCoverageDatesAreRejected() {
        IllegalArgumentException after = assertThrows(IllegalArgumentException.class,
                () -> CAL.isSchoolHoliday(d("2030-01-01")));
        assertEquals("no zone B school-holiday data for 2030-01-01; covered: 2019-07-06..2027-08-31",
                after.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CAL.isSchoolHoliday(d("2019-07-05")));
        assertThrows(IllegalArgumentException.class, () -> CAL.isSchoolHoliday(d("2027-09-01")));
        assertThrows(IllegalArgumentException.class, () -> CAL.days(d("2027-08-30"), d("2027-09-02")));
    }

    @Test
    void everySchoolYearHasAllItsBreaks() {
        List<SchoolHolidayPeriod> periods = CAL.schoolHolidayPeriods();
        for (int year = 2019; year <= 2026; year++) {
            LocalDate start = LocalDate.of(year, 9, 1);
            LocalDate end = LocalDate.of(year + 1, 8, 31);
            Set<String> names = periods.stream()
                    .filter(p -> !p.firstDayOff().isBefore(start) && !p.firstDayOff().isAfter(end))
                    .map(SchoolHolidayPeriod::name)
                    .collect(Collectors.toSet());
            assertEquals(Set.of("Vacances de la Toussaint", "Vacances de Noël", "Vacances d'hiver",
                    "Vacances de printemps", "Pont de l'Ascension", "Vacances d'été"), names,
                    "school year " + year + "-" + (year + 1));
            assertTrue(CAL.isSchoolHoliday(LocalDate.of(year, 12, 25)), "Christmas " + year);
            assertTrue(CAL.isSchoolHoliday(LocalDate.of(year + 1, 8, 15)), "15 August " + (year + 1));
        }
    }

    @Test
    void periodsStartAndEndOnPlausibleDays() {
        List<SchoolHolidayPeriod> periods = CAL.schoolHolidayPeriods();
        for (int i = 0; i < periods.size(); i++) {
            SchoolHolidayPeriod p = periods.get(i);
            if (p.name().equals("Pont de l'Ascension")) {
                LocalDate ascension = FrenchCalendar.easterSunday(p.firstDayOff().getYear()).plusDays(39);
                assertEquals(ascension, p.firstDayOff(), p.toString());
                assertEquals(DayOfWeek.SUNDAY, p.lastDayOff().getDayOfWeek(), p.toString());
            } else if (!p.name().equals("Vacances d'été")) {
                assertEquals(DayOfWeek.SATURDAY, p.firstDayOff().getDayOfWeek(), p.toString());
            }
            if (i + 1 < periods.size()) {
                LocalDate reprise = p.lastDayOff().plusDays(1);
                assertTrue(CAL.isWorkingDay(reprise), "reprise after " + p + " must be a working day");
            }
        }
        assertEquals(Month.JULY, periods.get(periods.size() - 1).firstDayOff().getMonth());
    }

    // Day table

    @Test
    void daysDescribeEachDate() {
        List<CalendarDay> week = CAL.days(d("2024-05-06"), d("2024-05-12"));
        assertEquals(7, week.size());
        assertEquals(d("2024-05-06"), week.get(0).date());
        assertEquals(d("2024-05-12"), week.get(6).date());

        CalendarDay victory = week.get(2);
        assertEquals(d("2024-05-08"), victory.date());
        assertEquals(3, victory.isoDayOfWeek());
        assertTrue(victory.publicHoliday());
        assertEquals("Victoire 1945", victory.holidayName());
        assertFalse(victory.weekend());
        assertFalse(victory.bridgeDay());
        assertFalse(victory.schoolHoliday());
        assertEquals(48, victory.halfHours());

        CalendarDay bridge = week.get(4);
        assertEquals(5, bridge.isoDayOfWeek());
        assertTrue(bridge.bridgeDay());
        assertFalse(bridge.publicHoliday());
        assertNull(bridge.holidayName());
        assertTrue(bridge.schoolHoliday(), "Pont de l'Ascension 2024");

        CalendarDay saturday = week.get(5);
        assertTrue(saturday.weekend());
        assertEquals(6, saturday.isoDayOfWeek());
    }

    @Test
    void daysCarryTheDaylightSavingChange() {
        List<CalendarDay> days = CAL.days(d("2024-10-26"), d("2024-10-28"));
        assertEquals(List.of(48, 50, 48), days.stream().map(CalendarDay::halfHours).toList());
        assertEquals(CAL.day(d("2024-10-27")), days.get(1));
    }

    @Test
    void reversedRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CAL.days(d("2024-05-12"), d("2024-05-06")));
    }

    // Loading

    @Test
    void standardCalendarIsLoadedOnce() {
        assertSame(FrenchCalendar.standard(), FrenchCalendar.standard());
        assertEquals("zone B", CAL.schoolZone());
    }

    @Test
    void customTableIsRead() throws Exception {
        FrenchCalendar custom = FrenchCalendar.fromSchoolHolidayCsv("test zone", csv(
                "name;first_day_off;last_day_off\n"
                        + "Vacances de Noël;2030-12-21;2031-01-05\n"
                        + "\n"
                        + "Vacances de la Toussaint;2030-10-19;2030-11-03\n"));
        assertEquals(d("2030-10-19"), custom.schoolHolidayCoverageStart());
        assertEquals(d("2031-01-05"), custom.schoolHolidayCoverageEnd());
        assertEquals("Vacances de la Toussaint", custom.schoolHolidayPeriods().get(0).name());
        assertTrue(custom.isSchoolHoliday(d("2030-12-25")));
        assertFalse(custom.isSchoolHoliday(d("2030-11-04")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> custom.isSchoolHoliday(d("2031-01-06")));
        assertEquals("no test zone school-holiday data for 2031-01-06; covered: 2030-10-19..2031-01-05",
                e.getMessage());
    }

    @Test
    void malformedTablesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FrenchCalendar.fromSchoolHolidayCsv("z",
                csv("nom;debut;fin\nNoël;2030-12-21;2031-01-05\n")), "wrong header");
        assertThrows(IllegalArgumentException.class, () -> FrenchCalendar.fromSchoolHolidayCsv("z",
                csv("name;first_day_off;last_day_off\n")), "no period");
        assertThrows(IllegalArgumentException.class, () -> FrenchCalendar.fromSchoolHolidayCsv("z",
                csv("name;first_day_off;last_day_off\nNoël;2030-12-21\n")), "missing field");
        assertThrows(IllegalArgumentException.class, () -> FrenchCalendar.fromSchoolHolidayCsv("z",
                csv("name;first_day_off;last_day_off\nNoël;2030-12-21;2030-12-01\n")), "ends before it starts");
        assertThrows(IllegalArgumentException.class, () -> FrenchCalendar.fromSchoolHolidayCsv("z",
                csv("name;first_day_off;last_day_off\nNoël;2030-12-21;31/12/2030\n")), "not an ISO date");
        assertThrows(IllegalArgumentException.class, () -> FrenchCalendar.fromSchoolHolidayCsv("z",
                csv("name;first_day_off;last_day_off\nA;2030-12-01;2030-12-10\nB;2030-12-10;2030-12-20\n")),
                "overlap");
    }

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
