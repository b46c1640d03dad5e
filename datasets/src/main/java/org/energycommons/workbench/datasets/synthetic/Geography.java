package org.energycommons.workbench.datasets.synthetic;

import java.util.List;

/**
 * The fixed geography of the synthetic region: weather stations in three French climate zones (RE2020 zones
 * H1c, H2d, H3) and the communes attached to them. The seed changes the weather and the meters, not the map.
 */
public final class Geography {

    private Geography() {
    }

    /**
     * A weather station and the climate its synthetic weather follows.
     *
     * @param meanC annual mean temperature
     * @param seasonalAmplitudeC half the difference between the warmest and coldest months
     * @param diurnalAmplitudeC half the typical day-night difference
     */
    public record Station(String id, String name, String climateZone, double lat, double lon, int altitudeM,
                          double meanC, double seasonalAmplitudeC, double diurnalAmplitudeC) {
    }

    /**
     * A commune: code, name, station whose weather applies, relative size for placing substations, and the position
     * of its centre (WGS 84, invented near its station) for the portal's maps.
     */
    public record Commune(String code, String name, String stationId, int weight, double lat, double lon) {
    }

    /** The stations. */
    public static final List<Station> STATIONS = List.of(
            new Station("ST01", "Plaine-Centrale", "H1c", 45.72, 4.94, 200, 12.6, 9.6, 4.8),
            new Station("ST02", "Haut-Plateau", "H1c", 45.35, 4.30, 760, 9.7, 9.2, 5.2),
            new Station("ST03", "Vallee-Sud", "H2d", 44.55, 4.75, 130, 13.9, 9.0, 5.6),
            new Station("ST04", "Littoral", "H3", 43.45, 5.05, 25, 15.4, 7.8, 4.2));

    /** The communes. */
    public static final List<Commune> COMMUNES = List.of(
            new Commune("99001", "Valbrune", "ST01", 5, 45.80, 4.70),
            new Commune("99002", "Saint-Aurel", "ST01", 3, 45.60, 5.25),
            new Commune("99003", "Montclair-sur-Orbe", "ST01", 2, 46.05, 5.05),
            new Commune("99004", "Les Granges-Hautes", "ST02", 2, 45.45, 3.95),
            new Commune("99005", "Pierrefeuille", "ST02", 1, 45.15, 4.45),
            new Commune("99006", "Rocheval", "ST03", 3, 44.75, 4.45),
            new Commune("99007", "Mas-de-Lauze", "ST03", 2, 44.40, 5.00),
            new Commune("99008", "Port-Salin", "ST04", 3, 43.40, 4.75),
            new Commune("99009", "Belvent", "ST04", 1, 43.65, 5.45));

    /** The station with this id. */
    public static Station station(String id) {
        return STATIONS.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown station " + id));
    }

    /** The commune of substation number {@code index}, spreading substations by commune weight. */
    public static Commune communeOfSubstation(int index) {
        int total = COMMUNES.stream().mapToInt(Commune::weight).sum();
        int slot = Math.floorMod(index, total);
        for (Commune c : COMMUNES) {
            slot -= c.weight();
            if (slot < 0) {
                return c;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
