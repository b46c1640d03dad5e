package org.energycommons.workbench.datasets.synthetic;

import java.util.SplittableRandom;

/**
 * One synthetic delivery point with its building and the true parameters of its consumption; drawn from its
 * index and the seed alone, so that any partitioning of the work yields the same meter.
 *
 * @param heatingSlopeKwPerC electric heating power per °C below the balance point
 * @param waterHeaterStartHalfHour local half-hour (0..47) the off-peak water heater starts; -1 if none
 */
public record SyntheticMeter(long index, String prm, String buildingId, Archetype archetype, int substationIndex,
                             String substationId, String communeCode, String stationId, int constructionYear,
                             double surfaceM2, String envelope, String heatingEnergy, int subscribedKva,
                             double baseKw, double occupancyKw, double heatingSlopeKwPerC, double balancePointC,
                             double coolingSlopeKwPerC, double coolingBalancePointC, double waterHeaterKw,
                             int waterHeaterStartHalfHour, double noiseSd) {

    /** Number of half-hours the off-peak water heater runs. */
    public static final int WATER_HEATER_HALF_HOURS = 5;

    /** The meter of the given index in the region. */
    public static SyntheticMeter draw(RegionConfig config, long index) {
        SplittableRandom rnd = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L);
        Archetype archetype = Archetype.draw(rnd.nextDouble());
        int substations = config.substations();
        int substationIndex = (int) Math.floorMod(index, (long) substations);
        Geography.Commune commune = Geography.communeOfSubstation(substationIndex);
        String substationId = substationId(commune, substationIndex);

        int year = constructionYear(rnd, archetype);
        double uValue = envelopeLoss(rnd, year);
        String envelope = uValue >= 2.4 ? "poor" : uValue >= 1.7 ? "average" : uValue >= 1.1 ? "good" : "very_good";
        double surface = surface(rnd, archetype);

        boolean electric = switch (archetype) {
            case RESIDENTIAL_ELECTRIC_HEATING -> true;
            case RESIDENTIAL_OTHER_HEATING -> false;
            case SMALL_BUSINESS -> rnd.nextDouble() < 0.6;
            case OFFICE -> rnd.nextDouble() < 0.5;
            case SCHOOL -> rnd.nextDouble() < 0.35;
            case TOWN_HALL -> rnd.nextDouble() < 0.4;
        };
        boolean heatPump = electric && rnd.nextDouble() < (year >= 2006 ? 0.55 : 0.2);
        String heatingEnergy = electric ? (heatPump ? "heat_pump" : "electricity")
                : pick(rnd, new String[] {"gas", "gas", "gas", "gas", "fuel_oil", "wood"});
        double lossKwPerC = surface * uValue / 1000.0;
        double slope = electric ? lossKwPerC / (heatPump ? 3.0 : 1.0) : lossKwPerC * 0.04;
        boolean residential = archetype.buildingUse().equals("residential");
        double balancePoint = residential ? uniform(rnd, 15.0, 17.5) : uniform(rnd, 13.0, 15.5);

        double baseKw;
        double occupancyKw;
        double coolingSlope = 0;
        double coolingBp = uniform(rnd, 21.0, 24.0);
        switch (archetype) {
            case RESIDENTIAL_ELECTRIC_HEATING, RESIDENTIAL_OTHER_HEATING -> {
                baseKw = uniform(rnd, 0.15, 0.45);
                occupancyKw = uniform(rnd, 0.8, 1.8);
                if (rnd.nextDouble() < 0.1) {
                    coolingSlope = uniform(rnd, 0.05, 0.2);
                    coolingBp = uniform(rnd, 24.0, 26.0);
                }
            }
            case SMALL_BUSINESS -> {
                baseKw = uniform(rnd, 0.5, 1.5);
                occupancyKw = surface * uniform(rnd, 0.02, 0.04);
                if (rnd.nextDouble() < 0.5) {
                    coolingSlope = surface * uniform(rnd, 0.5, 1.0) / 1000.0;
                }
            }
            case OFFICE -> {
                baseKw = uniform(rnd, 1.5, 5.0);
                occupancyKw = surface * uniform(rnd, 0.012, 0.02);
                coolingSlope = surface * uniform(rnd, 0.5, 1.0) / 1000.0;
            }
            case SCHOOL -> {
                baseKw = uniform(rnd, 1.0, 3.0);
                occupancyKw = surface * uniform(rnd, 0.008, 0.012);
            }
            case TOWN_HALL -> {
                baseKw = uniform(rnd, 0.6, 2.0);
                occupancyKw = surface * uniform(rnd, 0.01, 0.015);
            }
            default -> throw new IllegalStateException("unexpected archetype " + archetype);
        }
        double waterHeaterKw = 0;
        int waterHeaterStart = -1;
        if (residential && !"gas".equals(heatingEnergy) && rnd.nextDouble() < 0.6) {
            waterHeaterKw = uniform(rnd, 1.8, 3.0);
            waterHeaterStart = Math.floorMod(46 + rnd.nextInt(5) - 2, 48);
        }
        double noiseSd = residential ? 0.15 : 0.07;
        double peakKw = baseKw + occupancyKw + slope * (balancePoint + 10) + waterHeaterKw;
        int subscribed = subscribedKva(peakKw);
        String prm = String.format("%014d", 25_000_000_000_000L + index * 7L + (config.seed() % 7 + 7) % 7);
        String buildingId = String.format("BAT-%s-%07d", commune.code(), index);
        return new SyntheticMeter(index, prm, buildingId, archetype, substationIndex, substationId, commune.code(),
                commune.stationId(), year, round1(surface), envelope, heatingEnergy, subscribed, baseKw, occupancyKw,
                slope, balancePoint, coolingSlope, coolingBp, waterHeaterKw, waterHeaterStart, noiseSd);
    }

    /** The identifier of substation number {@code substationIndex}. */
    public static String substationId(Geography.Commune commune, int substationIndex) {
        return String.format("PS-%s-%03d", commune.code(), substationIndex);
    }

    private static int constructionYear(SplittableRandom rnd, Archetype archetype) {
        double u = rnd.nextDouble();
        int[] bounds = {1880, 1948, 1975, 1990, 2006, 2013, 2023};
        double[] cumulative = archetype.buildingUse().equals("residential")
                ? new double[] {0.20, 0.45, 0.63, 0.80, 0.90, 1.0}
                : new double[] {0.15, 0.40, 0.60, 0.80, 0.90, 1.0};
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return bounds[i] + rnd.nextInt(bounds[i + 1] - bounds[i]);
            }
        }
        return 2020;
    }

    /** Heat loss per m² of floor (W/K/m²): older buildings lose more, a third of old ones were renovated. */
    private static double envelopeLoss(SplittableRandom rnd, int year) {
        double base;
        if (year < 1975) {
            base = rnd.nextDouble() < 0.3 ? 1.9 : 2.8;
        } else if (year < 2000) {
            base = 2.0;
        } else if (year < 2013) {
            base = 1.4;
        } else {
            base = 0.8;
        }
        return base * uniform(rnd, 0.85, 1.15);
    }

    private static double surface(SplittableRandom rnd, Archetype archetype) {
        double median = switch (archetype) {
            case RESIDENTIAL_ELECTRIC_HEATING, RESIDENTIAL_OTHER_HEATING -> 75;
            case SMALL_BUSINESS -> 120;
            case OFFICE -> 900;
            case SCHOOL -> 1500;
            case TOWN_HALL -> 700;
        };
        double s = median * Math.exp(0.35 * SyntheticWeather.gaussian(rnd));
        return Math.max(median / 3, Math.min(median * 3, s));
    }

    private static int subscribedKva(double peakKw) {
        int[] steps = {6, 9, 12, 15, 18, 24, 30, 36, 48, 60, 72, 90, 120, 150, 180, 240};
        for (int s : steps) {
            if (s >= peakKw * 1.1) {
                return s;
            }
        }
        return 250;
    }

    private static double uniform(SplittableRandom rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }

    private static String pick(SplittableRandom rnd, String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /**
     * The regulatory profile this point is settled with. Enedis profiles follow the tariff option, not the heating:
     * a dwelling on the off-peak option (HP/HC, here the ones with an off-peak water heater) is RES2, one on the
     * base option RES1, whatever heats it; professional points take their archetype's usual profile.
     */
    public String tariffProfile() {
        if (archetype == Archetype.RESIDENTIAL_ELECTRIC_HEATING || archetype == Archetype.RESIDENTIAL_OTHER_HEATING) {
            return waterHeaterStartHalfHour >= 0 ? "RES2" : "RES1";
        }
        return archetype.tariffProfile();
    }
}
