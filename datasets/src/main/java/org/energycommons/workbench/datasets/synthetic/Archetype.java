package org.energycommons.workbench.datasets.synthetic;

import java.util.Arrays;

/**
 * A consumption behaviour of the synthetic region: who the delivery point is, its tariff profile, its share of
 * the population and its daily schedules of occupancy and heating, per {@link DayType}, on 48 local half-hours.
 */
public enum Archetype {
    /** Dwelling heated by electricity (convectors or heat pump), often with an off-peak water heater. */
    RESIDENTIAL_ELECTRIC_HEATING("RES2", "residential", 0.36),
    /** Dwelling heated by gas, oil or wood: little thermosensitivity on electricity. */
    RESIDENTIAL_OTHER_HEATING("RES1", "residential", 0.34),
    /** Shop or craft business open Monday to Saturday. */
    SMALL_BUSINESS("PRO1", "commercial", 0.12),
    /** Office building. */
    OFFICE("PRO2", "office", 0.06),
    /** Primary or secondary school, closed during school holidays and on Wednesday afternoon. */
    SCHOOL("PRO2", "education", 0.06),
    /** Town hall and municipal services. */
    TOWN_HALL("PRO2", "public_administration", 0.06);

    private final String tariffProfile;
    private final String buildingUse;
    private final double share;

    Archetype(String tariffProfile, String buildingUse, double share) {
        this.tariffProfile = tariffProfile;
        this.buildingUse = buildingUse;
        this.share = share;
    }

    /**
     * The regulatory profile this kind of point is usually settled with (RES1, RES2, PRO1...); a dwelling's actual
     * profile follows its tariff option ({@link SyntheticMeter#tariffProfile()}).
     */
    public String tariffProfile() {
        return tariffProfile;
    }

    /** The use of the building it sits in, as in the building registry. */
    public String buildingUse() {
        return buildingUse;
    }

    /** Share of delivery points of this archetype in the region. */
    public double share() {
        return share;
    }

    /** Whether this archetype is a municipal building (preventive use cases watch them). */
    public boolean isPublicBuilding() {
        return this == SCHOOL || this == TOWN_HALL;
    }

    /** The archetype for a uniform draw in [0, 1), following the shares. */
    public static Archetype draw(double u) {
        double cumulative = 0;
        for (Archetype a : values()) {
            cumulative += a.share;
            if (u < cumulative) {
                return a;
            }
        }
        return TOWN_HALL;
    }

    /** Occupancy-driven use, 0..1, on the 48 local half-hours of a day of the given type. */
    public double[] occupancy(DayType day) {
        return halfHours(switch (this) {
            case RESIDENTIAL_ELECTRIC_HEATING, RESIDENTIAL_OTHER_HEATING -> switch (day) {
                case WORKDAY, WEDNESDAY -> RES_WORKDAY;
                case WORKDAY_SCHOOL_HOLIDAY, BRIDGE -> average(RES_WORKDAY, RES_HOME);
                case SATURDAY, SUNDAY_HOLIDAY -> RES_HOME;
            };
            case SMALL_BUSINESS -> day == DayType.SUNDAY_HOLIDAY ? CLOSED : SHOP_OPEN;
            case OFFICE -> switch (day) {
                case WORKDAY, WEDNESDAY -> OFFICE_OPEN;
                case WORKDAY_SCHOOL_HOLIDAY -> scale(OFFICE_OPEN, 0.85);
                case BRIDGE -> scale(OFFICE_OPEN, 0.5);
                case SATURDAY, SUNDAY_HOLIDAY -> CLOSED;
            };
            case SCHOOL -> switch (day) {
                case WORKDAY -> SCHOOL_DAY;
                case WEDNESDAY -> SCHOOL_WEDNESDAY;
                default -> CLOSED;
            };
            case TOWN_HALL -> switch (day) {
                case WORKDAY, WEDNESDAY -> TOWN_HALL_OPEN;
                case WORKDAY_SCHOOL_HOLIDAY -> scale(TOWN_HALL_OPEN, 0.9);
                case BRIDGE -> scale(TOWN_HALL_OPEN, 0.4);
                case SATURDAY -> TOWN_HALL_SATURDAY;
                case SUNDAY_HOLIDAY -> CLOSED;
            };
        });
    }

    /** Heating schedule, 0..1 of the full heating demand (setback when unoccupied), on 48 local half-hours. */
    public double[] heating(DayType day) {
        return halfHours(switch (this) {
            case RESIDENTIAL_ELECTRIC_HEATING, RESIDENTIAL_OTHER_HEATING -> RES_HEAT;
            case SMALL_BUSINESS -> day == DayType.SUNDAY_HOLIDAY ? SETBACK : window(7, 19, 0.4);
            case OFFICE -> switch (day) {
                case SATURDAY, SUNDAY_HOLIDAY -> SETBACK;
                default -> window(5, 18, 0.35);
            };
            case SCHOOL -> switch (day) {
                case WORKDAY -> window(5, 17, 0.3);
                case WEDNESDAY -> window(5, 13, 0.3);
                default -> scale(SETBACK, 0.3 / 0.4);
            };
            case TOWN_HALL -> switch (day) {
                case SATURDAY -> window(8, 12, 0.4);
                case SUNDAY_HOLIDAY -> SETBACK;
                default -> window(6, 18, 0.4);
            };
        });
    }

    private static final double[] RES_WORKDAY = {0.15, 0.10, 0.08, 0.08, 0.08, 0.12, 0.35, 0.65, 0.55, 0.30, 0.25,
        0.28, 0.35, 0.30, 0.25, 0.25, 0.35, 0.55, 0.85, 1.00, 0.95, 0.80, 0.55, 0.30};
    private static final double[] RES_HOME = {0.20, 0.12, 0.08, 0.08, 0.08, 0.08, 0.15, 0.30, 0.55, 0.65, 0.60, 0.70,
        0.80, 0.60, 0.50, 0.50, 0.55, 0.70, 0.90, 1.00, 0.95, 0.80, 0.60, 0.35};
    private static final double[] RES_HEAT = {0.80, 0.80, 0.80, 0.80, 0.80, 0.85, 1.00, 1.00, 1.00, 0.90, 0.90, 0.90,
        0.90, 0.90, 0.90, 0.90, 0.95, 1.00, 1.00, 1.00, 1.00, 1.00, 0.90, 0.80};
    private static final double[] SHOP_OPEN = {0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.15, 0.50, 1.00, 1.00, 1.00,
        0.90, 0.90, 1.00, 1.00, 1.00, 1.00, 1.00, 0.80, 0.30, 0.05, 0.05, 0.05};
    private static final double[] OFFICE_OPEN = {0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.10, 0.30, 0.80, 1.00, 1.00, 1.00,
        0.80, 0.90, 1.00, 1.00, 1.00, 0.80, 0.40, 0.15, 0.05, 0.05, 0.05, 0.05};
    private static final double[] SCHOOL_DAY = {0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.10, 0.30, 1.00, 1.00, 1.00, 1.00,
        1.10, 1.00, 1.00, 1.00, 1.00, 0.50, 0.20, 0.05, 0.05, 0.05, 0.05, 0.05};
    private static final double[] SCHOOL_WEDNESDAY = {0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.10, 0.30, 1.00, 1.00, 1.00,
        1.00, 0.30, 0.10, 0.10, 0.10, 0.10, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05};
    private static final double[] TOWN_HALL_OPEN = {0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.10, 0.30, 0.60, 1.00, 1.00,
        1.00, 0.60, 0.80, 1.00, 1.00, 1.00, 0.70, 0.30, 0.05, 0.05, 0.05, 0.05, 0.05};
    private static final double[] TOWN_HALL_SATURDAY = {0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.20, 0.50,
        0.50, 0.50, 0.10, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05};
    private static final double[] CLOSED = filled(0.05);
    private static final double[] SETBACK = filled(0.4);

    private static double[] filled(double v) {
        double[] a = new double[24];
        Arrays.fill(a, v);
        return a;
    }

    private static double[] window(int fromHour, int toHourExclusive, double outside) {
        double[] a = filled(outside);
        for (int h = fromHour; h < toHourExclusive; h++) {
            a[h] = 1.0;
        }
        return a;
    }

    private static double[] scale(double[] a, double k) {
        return Arrays.stream(a).map(v -> Math.max(0.05, v * k)).toArray();
    }

    private static double[] average(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = (a[i] + b[i]) / 2;
        }
        return r;
    }

    /** 24 hourly values to 48 half-hours: the first half-hour of each hour leans toward the previous hour. */
    private static double[] halfHours(double[] hourly) {
        double[] r = new double[48];
        for (int h = 0; h < 24; h++) {
            double previous = hourly[(h + 23) % 24];
            r[2 * h] = 0.75 * hourly[h] + 0.25 * previous;
            r[2 * h + 1] = hourly[h];
        }
        return r;
    }
}
