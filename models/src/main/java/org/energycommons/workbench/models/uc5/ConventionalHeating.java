package org.energycommons.workbench.models.uc5;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.energycommons.workbench.datasets.building.DpeFactors;

/**
 * The conventional heating estimate of a dwelling from its registry alone, the way a certificate's calculation
 * starts (envelope, climate, heating system), not from what it meters: heat need per m² = the typical envelope heat
 * loss of its label × 24 h × the station's annual heating degree days; final energy = need ÷ the conventional
 * efficiency of its heating energy; primary energy and emissions with the factors of {@link DpeFactors}.
 *
 * <p>Why uc5 needs it: a dwelling heated by fuel oil or wood meters nothing of its heating (only the auxiliaries'
 * electricity), so before this estimate a model saw its heat need only through a few registry fields, and with a
 * few dozen certified dwellings per region it under-predicted their emissions (the climate class makes most of
 * them F or G). The estimate gives the trees that product directly. Values are typical, not fitted: the typical
 * loss is the middle of the band each envelope label stands for, and the efficiencies are usual seasonal values
 * (direct electric 1, heat pump 3, gas boiler 0.9, fuel-oil boiler 0.85, wood stove or boiler 0.75).
 */
public final class ConventionalHeating {

    /**
     * Typical envelope heat loss per m² of floor, W/(m²·K), of each envelope label of
     * {@link Uc5Features#ENVELOPES} (very good, good, average, poor).
     */
    public static final List<Double> TYPICAL_LOSS_W_M2_K = List.of(0.8, 1.4, 2.0, 2.8);
    /** Conventional seasonal efficiency of each heating energy of {@link Uc5Features#HEATING_ENERGIES}. */
    public static final List<Double> EFFICIENCIES = List.of(1.0, 3.0, 0.9, 0.85, 0.75);

    private ConventionalHeating() {
    }

    /**
     * Heat need in kWh per m² and year.
     *
     * @param envelopeIndex 0..3 as {@link Uc5Features#ENVELOPES}; a fractional index (unknown envelope) interpolates
     * @param hddReference annual heating degree days of the dwelling's station
     */
    public static Column needKwhM2(Column envelopeIndex, Column hddReference) {
        Column loss = lit(TYPICAL_LOSS_W_M2_K.get(0));
        for (int i = 1; i < TYPICAL_LOSS_W_M2_K.size(); i++) {
            // Piecewise-linear in the index, so the "unknown" index 1.5 sits between good and average.
            double step = TYPICAL_LOSS_W_M2_K.get(i) - TYPICAL_LOSS_W_M2_K.get(i - 1);
            Column part = when(envelopeIndex.geq(i), lit(step))
                    .when(envelopeIndex.gt(i - 1), envelopeIndex.minus(i - 1).multiply(step))
                    .otherwise(lit(0.0));
            loss = loss.plus(part);
        }
        return loss.multiply(24.0).multiply(coalesce(hddReference, lit(0.0))).divide(1000.0);
    }

    /** Final energy of heating in kWh per m² and year: the need over the heating energy's efficiency. */
    public static Column finalKwhM2(Column need, Column heatingEnergy) {
        Column efficiency = lit(1.0);
        for (int i = Uc5Features.HEATING_ENERGIES.size() - 1; i >= 0; i--) {
            efficiency = when(heatingEnergy.equalTo(Uc5Features.HEATING_ENERGIES.get(i)), EFFICIENCIES.get(i))
                    .otherwise(efficiency);
        }
        return need.divide(efficiency);
    }

    /** Primary energy of heating per m²: electricity at the factor of the reference date, other energies at 1. */
    public static Column primaryKwhM2(Column finalKwhM2, Column heatingEnergy, Column referenceDate) {
        Column electric = heatingEnergy.isin("electricity", "heat_pump");
        return when(electric, finalKwhM2.multiply(DpeFactors.electricityPrimary(referenceDate)))
                .otherwise(finalKwhM2.multiply(DpeFactors.OTHER_PRIMARY));
    }

    /** Emissions of heating per m², kgCO2e, with the 3CL-DPE 2021 factor of the heating energy. */
    public static Column ghgKgM2(Column finalKwhM2, Column heatingEnergy) {
        Column factor = when(heatingEnergy.equalTo("gas"), DpeFactors.GHG_GAS)
                .when(heatingEnergy.equalTo("fuel_oil"), DpeFactors.GHG_FUEL_OIL)
                .when(heatingEnergy.equalTo("wood"), DpeFactors.GHG_WOOD)
                .otherwise(DpeFactors.GHG_ELECTRICITY);
        return finalKwhM2.multiply(factor);
    }
}
