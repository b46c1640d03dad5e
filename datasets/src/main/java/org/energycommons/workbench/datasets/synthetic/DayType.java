package org.energycommons.workbench.datasets.synthetic;

/** The kind of day that drives occupancy schedules in the synthetic region. */
public enum DayType {
    /** Monday–Friday outside school holidays, not Wednesday, not a bridge day. */
    WORKDAY,
    /** Wednesday outside school holidays (French schools close in the afternoon). */
    WEDNESDAY,
    /** A working day during zone B school holidays. */
    WORKDAY_SCHOOL_HOLIDAY,
    /** A working day between a public holiday and the weekend ("pont"). */
    BRIDGE,
    /** Saturday that is not a public holiday. */
    SATURDAY,
    /** Sunday or public holiday. */
    SUNDAY_HOLIDAY;

    /** The day type from the calendar flags of one local day; the SQL twin is in {@code CalendarFrames}. */
    public static DayType of(int isoDayOfWeek, boolean publicHoliday, boolean bridgeDay, boolean schoolHoliday) {
        if (isoDayOfWeek == 7 || publicHoliday) {
            return SUNDAY_HOLIDAY;
        }
        if (isoDayOfWeek == 6) {
            return SATURDAY;
        }
        if (bridgeDay) {
            return BRIDGE;
        }
        if (schoolHoliday) {
            return WORKDAY_SCHOOL_HOLIDAY;
        }
        return isoDayOfWeek == 3 ? WEDNESDAY : WORKDAY;
    }
}
