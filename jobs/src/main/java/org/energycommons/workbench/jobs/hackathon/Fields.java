package org.energycommons.workbench.jobs.hackathon;

import static org.energycommons.workbench.jobs.hackathon.Frame.Type.DATE;
import static org.energycommons.workbench.jobs.hackathon.Frame.Type.DATETIME;
import static org.energycommons.workbench.jobs.hackathon.Frame.Type.INTEGER;
import static org.energycommons.workbench.jobs.hackathon.Frame.Type.NUMBER;
import static org.energycommons.workbench.jobs.hackathon.Frame.Type.STRING;

import java.util.LinkedHashMap;
import java.util.Map;
import org.energycommons.workbench.jobs.hackathon.Frame.Field;
import org.energycommons.workbench.jobs.hackathon.Frame.Type;

/**
 * The dictionary of every column a hackathon pack writes: type, decimals, unit and a description in French and
 * English, so that each column means the same thing in every task and card.
 */
public final class Fields {

    private static final Map<String, Field> ALL = new LinkedHashMap<>();

    private Fields() {
    }

    private static void put(String name, Type type, int decimals, String unit, String fr, String en) {
        ALL.put(name, new Field(name, type, decimals, unit, fr, en));
    }

    static {
        put("id", STRING, 0, null, "identifiant de la ligne (code propre au paquet), à reprendre dans la soumission",
                "row identifier (a code of this pack), to repeat in the submission");
        // Pack-local codes of the entities: drawn from the seed, they do not link back to the lake.
        put("substation", STRING, 0, null, "poste HTA/BT (code propre au paquet)", "HV/LV substation (pack code)");
        put("area", STRING, 0, null, "zone du réseau de gaz (code propre au paquet)", "gas network area (pack code)");
        put("building", STRING, 0, null, "bâtiment (code propre au paquet)", "building (pack code)");
        // Time.
        put("ts_utc", DATETIME, 0, null, "début de l'heure cible, UTC", "start of the target hour, UTC");
        put("local_date", DATE, 0, null, "jour local (Europe/Paris)", "local day (Europe/Paris)");
        put("issue_date", DATE, 0, null, "jour où la prévision est émise", "day the forecast is issued");
        put("target_date", DATE, 0, null, "jour prévu", "day forecast");
        put("local_hour", INTEGER, 0, "h", "heure locale 0–23", "local hour 0–23");
        put("iso_day_of_week", INTEGER, 0, null, "jour de la semaine, 1 = lundi … 7 = dimanche",
                "day of the week, 1 = Monday … 7 = Sunday");
        put("month", INTEGER, 0, null, "mois 1–12", "month 1–12");
        put("is_weekend", INTEGER, 0, null, "1 le samedi et le dimanche", "1 on Saturdays and Sundays");
        put("is_public_holiday", INTEGER, 0, null, "1 un jour férié", "1 on a public holiday");
        put("is_school_holiday", INTEGER, 0, null, "1 pendant les vacances scolaires (zone B)",
                "1 during school holidays (zone B)");
        put("is_bridge_day", INTEGER, 0, null, "1 un jour de pont", "1 on a bridge day");
        put("d7_is_off_day", INTEGER, 0, null, "1 quand J-7 était un week-end, un férié ou un pont",
                "1 when D-7 was a weekend day, a holiday or a bridge day");
        put("doy_sin", NUMBER, 6, null, "sinus du jour de l'année", "sine of the day of the year");
        put("doy_cos", NUMBER, 6, null, "cosinus du jour de l'année", "cosine of the day of the year");
        // uc4: substation load.
        put("capacity_kva", NUMBER, 1, "kVA", "puissance nominale du poste", "rated capacity of the substation");
        put("n_meters", INTEGER, 0, null, "points de livraison du poste", "delivery points of the substation");
        put("temperature_forecast_c", NUMBER, 2, "°C", "température prévue la veille pour l'heure cible",
                "day-ahead forecast temperature of the target hour");
        put("heating_degree_hours", NUMBER, 3, "°C·h", "degrés-heures de chauffage (prévus)",
                "heating degree hours (forecast)");
        put("cooling_degree_hours", NUMBER, 3, "°C·h", "degrés-heures de climatisation (prévus)",
                "cooling degree hours (forecast)");
        put("forecast_daily_mean_c", NUMBER, 2, "°C", "température moyenne prévue du jour cible",
                "forecast mean temperature of the target day");
        put("temperature_change_vs_d7_c", NUMBER, 2, "°C", "écart de température prévue avec J-7",
                "forecast temperature minus that of D-7");
        put("lag_d7_kw", NUMBER, 3, "kW", "charge à la même heure locale sept jours avant",
                "load at the same local hour seven days before");
        put("lag_d2_kw", NUMBER, 3, "kW", "charge à la même heure locale deux jours avant",
                "load at the same local hour two days before");
        put("d1_morning_kw", NUMBER, 3, "kW", "charge moyenne de la veille avant l'émission (10 h)",
                "mean load of the day before, up to the issue (10:00)");
        put("d2_mean_kw", NUMBER, 3, "kW", "charge moyenne de J-2", "mean load of D-2");
        put("level_kw", NUMBER, 3, "kW", "charge moyenne de J-8 à J-2", "mean load from D-8 to D-2");
        put("load_kw", NUMBER, 3, "kW", "charge moyenne du poste sur l'heure cible (à prévoir)",
                "mean load of the substation over the target hour (to forecast)");
        // uc6: gas area demand.
        put("capacity_kwh_per_day", NUMBER, 1, "kWh PCS/j", "capacité journalière de la zone",
                "daily capacity of the area");
        put("demand_d0_ratio", NUMBER, 6, null, "demande du jour d'émission / capacité",
                "demand of the issue day / capacity");
        put("demand_d1_ratio", NUMBER, 6, null, "demande de la veille de l'émission / capacité",
                "demand of the day before the issue / capacity");
        put("demand_7d_ratio", NUMBER, 6, null, "demande moyenne des sept jours jusqu'à l'émission / capacité",
                "mean demand of the seven days up to the issue / capacity");
        put("t_obs_issue_c", NUMBER, 2, "°C", "température moyenne observée le jour d'émission",
                "observed mean temperature of the issue day");
        put("te_obs_issue_c", NUMBER, 2, "°C", "température effective (lissée) observée le jour d'émission",
                "observed effective (smoothed) temperature of the issue day");
        put("t_fc_c", NUMBER, 2, "°C", "température moyenne prévue du jour cible",
                "forecast mean temperature of the target day");
        put("t_fc_prev_c", NUMBER, 2, "°C", "température moyenne prévue de la veille du jour cible",
                "forecast mean temperature of the day before the target");
        put("te_fc_c", NUMBER, 2, "°C", "température effective prévue du jour cible",
                "forecast effective temperature of the target day");
        put("te_fc_prev_c", NUMBER, 2, "°C", "température effective prévue de la veille du jour cible",
                "forecast effective temperature of the day before the target");
        put("hdd_te_fc", NUMBER, 3, "°C·j", "degrés-jours de chauffage de la température effective prévue",
                "heating degree days of the forecast effective temperature");
        put("hdd_t_fc", NUMBER, 3, "°C·j", "degrés-jours de chauffage de la température prévue",
                "heating degree days of the forecast temperature");
        put("gas_kwh", NUMBER, 1, "kWh PCS", "demande de gaz de la zone le jour cible (à prévoir)",
                "gas demand of the area on the target day (to forecast)");
        // uc2: public buildings' days.
        put("building_use", STRING, 0, null, "usage du bâtiment", "use of the building");
        put("day_type", STRING, 0, null, "type de jour (ouvré, samedi, dimanche/férié, vacances, pont …)",
                "type of day (workday, Saturday, Sunday/holiday, school holiday, bridge …)");
        put("closed", INTEGER, 0, null, "1 quand le bâtiment est normalement fermé ce jour",
                "1 when the building is normally closed that day");
        put("n_readings", INTEGER, 0, null, "relevés 30 minutes du jour", "30-minute readings of the day");
        put("daily_kwh", NUMBER, 3, "kWh", "consommation du jour", "consumption of the day");
        put("night_kw", NUMBER, 3, "kW", "puissance moyenne de nuit (1 h–5 h)", "mean night power (1:00–5:00)");
        put("day_kw", NUMBER, 3, "kW", "puissance moyenne de journée", "mean daytime power");
        put("min_kw", NUMBER, 3, "kW", "puissance minimale sur 30 minutes", "lowest 30-minute power");
        put("max_kw", NUMBER, 3, "kW", "puissance maximale sur 30 minutes", "highest 30-minute power");
        put("spike_ratio", NUMBER, 4, null, "plus grand rapport d'un pas 30 min à ses deux voisins",
                "largest ratio of a 30-minute power to both its neighbours");
        put("flat_share", NUMBER, 4, null, "part des pas de temps identiques au précédent",
                "share of readings equal to the previous one");
        put("night_to_day_ratio", NUMBER, 4, null, "puissance de nuit / puissance de journée",
                "night power / daytime power");
        put("temperature_mean_c", NUMBER, 2, "°C", "température moyenne observée du jour",
                "observed mean temperature of the day");
        put("temperature_min_c", NUMBER, 2, "°C", "température minimale observée", "lowest observed temperature");
        put("temperature_max_c", NUMBER, 2, "°C", "température maximale observée", "highest observed temperature");
        put("hdd_12", NUMBER, 2, "°C·j", "degrés-jours de chauffage, base 12 °C", "heating degree days, base 12 °C");
        put("hdd_15", NUMBER, 2, "°C·j", "degrés-jours de chauffage, base 15 °C", "heating degree days, base 15 °C");
        put("hdd_18", NUMBER, 2, "°C·j", "degrés-jours de chauffage, base 18 °C", "heating degree days, base 18 °C");
        put("surface_m2", NUMBER, 1, "m²", "surface du registre", "surface of the registry");
        put("construction_year", INTEGER, 0, null, "année de construction", "construction year");
        put("electric_heating", INTEGER, 0, null, "1 quand le chauffage est électrique",
                "1 when heated by electricity");
        put("fault", INTEGER, 0, null, "1 quand le jour est dans la fenêtre d'un défaut (à trouver)",
                "1 when the day lies in a fault's window (to find)");
        // uc3: savings.
        put("works_date", DATE, 0, null, "date des travaux de rénovation", "date of the renovation works");
        put("works_type", STRING, 0, null, "type de travaux", "type of works");
        put("period_start", DATE, 0, null, "premier jour de la période de suivi", "first day of the reporting period");
        put("period_end", DATE, 0, null, "dernier jour de la période de suivi", "last day of the reporting period");
        put("savings_kwh", NUMBER, 1, "kWh", "économie sur la période de suivi : consommation sans travaux moins "
                + "consommation mesurée (à estimer)", "savings over the reporting period: consumption without the "
                + "works minus metered consumption (to estimate)");
        put("kwh", NUMBER, 3, "kWh", "consommation électrique du jour", "electricity use of the day");
        put("hours_metered", INTEGER, 0, "h", "heures relevées du jour", "hours metered that day");
        put("hours_temperature", INTEGER, 0, "h", "heures de température du jour", "hours of temperature that day");
        // uc5: DPE.
        put("commune_code", STRING, 0, null, "code INSEE de la commune", "INSEE code of the commune");
        put("climate_zone", STRING, 0, null, "zone climatique du DPE", "DPE climate zone");
        put("heating_energy", STRING, 0, null, "énergie de chauffage principale", "main heating energy");
        put("envelope", STRING, 0, null, "qualité de l'enveloppe (registre)", "envelope quality (registry)");
        put("envelope_index", NUMBER, 1, null, "qualité de l'enveloppe, 0 = très bonne … 3 = mauvaise",
                "envelope quality, 0 = very good … 3 = poor");
        put("subscribed_kva", NUMBER, 1, "kVA", "puissance souscrite", "subscribed power");
        put("hdd_reference", NUMBER, 1, "°C·j", "degrés-jours annuels moyens de la station",
                "mean annual degree days of the station");
        put("small_surface_rule", NUMBER, 1, null, "1 quand les seuils des petites surfaces s'appliquent",
                "1 when the small-surface thresholds apply");
        put("electricity_primary_factor", NUMBER, 2, null, "coefficient d'énergie primaire de l'électricité",
                "primary energy factor of electricity");
        put("metered_days", NUMBER, 1, "j", "jours d'électricité relevés", "days of electricity metered");
        put("metered_gas_days", NUMBER, 1, "j", "jours de gaz relevés", "days of gas metered");
        put("elec_kwh_m2", NUMBER, 3, "kWh/m²/an", "électricité annuelle normalisée par m²",
                "normalised annual electricity per m²");
        put("elec_base_kwh_m2", NUMBER, 3, "kWh/m²/an", "part de base (hors chauffage) de l'électricité",
                "base (non-heating) part of the electricity");
        put("elec_slope_wh_m2_dd", NUMBER, 3, "Wh/m²/°C·j", "pente électrique de chauffage",
                "electric heating slope");
        put("gas_kwh_m2", NUMBER, 3, "kWh/m²/an", "gaz annuel normalisé par m²", "normalised annual gas per m²");
        put("gas_slope_wh_m2_dd", NUMBER, 3, "Wh/m²/°C·j", "pente gaz de chauffage", "gas heating slope");
        put("metered_pe_kwh_m2", NUMBER, 3, "kWh EP/m²/an", "énergie primaire relevée", "metered primary energy");
        put("metered_ghg_kg_m2", NUMBER, 3, "kg CO₂e/m²/an", "émissions relevées", "metered emissions");
        put("conventional_need_kwh_m2", NUMBER, 3, "kWh/m²/an", "besoin de chauffage conventionnel (registre)",
                "conventional heating need (registry)");
        put("conventional_pe_kwh_m2", NUMBER, 3, "kWh EP/m²/an", "énergie primaire conventionnelle",
                "conventional primary energy");
        put("conventional_ghg_kg_m2", NUMBER, 3, "kg CO₂e/m²/an", "émissions conventionnelles",
                "conventional emissions");
        put("offpeak_block_kwh_m2", NUMBER, 3, "kWh/m²/an", "bloc de consommation en heures creuses",
                "off-peak consumption block");
        put("reference_date", DATE, 0, null, "date dont les seuils de classe s'appliquent",
                "date whose class thresholds apply");
        put("certificate_pe_kwh_m2", NUMBER, 1, "kWh EP/m²/an", "énergie primaire du certificat (entraînement)",
                "primary energy of the certificate (training only)");
        put("certificate_ghg_kg_m2", NUMBER, 1, "kg CO₂e/m²/an", "émissions du certificat (entraînement)",
                "emissions of the certificate (training only)");
        put("dpe_class", STRING, 0, null, "classe DPE A–G (à prédire)", "DPE class A–G (to predict)");
    }

    /** The field of a column name; fails naming it when the dictionary lacks it. */
    public static Field of(String name) {
        Field f = ALL.get(name);
        if (f == null) {
            throw new IllegalStateException("no field " + name + " in the hackathon dictionary");
        }
        return f;
    }
}
