package org.energycommons.workbench.datasets.building;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.Objects;
import org.apache.spark.sql.Column;

/**
 * The conversion factors of the French DPE method from final energy (kWh) to primary energy (kWh EP) and to
 * greenhouse gas emissions (kgCO2e), shared by the synthetic generator and the uc5 features that turn metered use
 * into certificate-like intensities.
 *
 * <p><b>Primary energy of electricity depends on the certificate date</b>: {@value #ELECTRICITY_PRIMARY_2021}
 * for certificates issued before {@link #ELECTRICITY_FACTOR_CHANGE 1 January 2026} (arrêté of 31 March 2021,
 * method of 2021), {@value #ELECTRICITY_PRIMARY_2026} from that day (arrêté of 13 August 2025, JORF of
 * 26 August 2025, which sets the factor of the arrêtés of 31 March 2021 and 15 September 2006 to the European
 * default value; it changes no class threshold). Other energies ×{@value #OTHER_PRIMARY}. Emissions use the
 * 3CL-DPE 2021 factors per kWh of final energy, unchanged in 2026: electricity {@value #GHG_ELECTRICITY} (the
 * heating-use factor, applied to every electric use here), natural gas {@value #GHG_GAS}, fuel oil
 * {@value #GHG_FUEL_OIL}, wood logs {@value #GHG_WOOD}. See {@code docs/dpe-rules.md}.
 */
public final class DpeFactors {

    /** Primary energy per kWh of electricity, certificates issued before {@link #ELECTRICITY_FACTOR_CHANGE}. */
    public static final double ELECTRICITY_PRIMARY_2021 = 2.3;
    /** Primary energy per kWh of electricity, certificates issued from {@link #ELECTRICITY_FACTOR_CHANGE}. */
    public static final double ELECTRICITY_PRIMARY_2026 = 1.9;
    /** First issue day of the factor {@value #ELECTRICITY_PRIMARY_2026} (arrêté of 13 August 2025). */
    public static final LocalDate ELECTRICITY_FACTOR_CHANGE = LocalDate.of(2026, 1, 1);
    /** Primary energy per kWh of gas, fuel oil or wood. */
    public static final double OTHER_PRIMARY = 1.0;
    /** kgCO2e per kWh of electricity (3CL-DPE 2021, heating use). */
    public static final double GHG_ELECTRICITY = 0.079;
    /** kgCO2e per kWh of natural gas (3CL-DPE 2021). */
    public static final double GHG_GAS = 0.227;
    /** kgCO2e per kWh of fuel oil (3CL-DPE 2021). */
    public static final double GHG_FUEL_OIL = 0.324;
    /** kgCO2e per kWh of wood logs (3CL-DPE 2021). */
    public static final double GHG_WOOD = 0.030;

    private DpeFactors() {
    }

    /** The primary-energy factor of electricity for a certificate issued on a day. */
    public static double electricityPrimary(LocalDate issuedOn) {
        Objects.requireNonNull(issuedOn, "issuedOn");
        return issuedOn.isBefore(ELECTRICITY_FACTOR_CHANGE) ? ELECTRICITY_PRIMARY_2021 : ELECTRICITY_PRIMARY_2026;
    }

    /** {@link #electricityPrimary(LocalDate)} as a column of a date column (null for a null date). */
    public static Column electricityPrimary(Column issuedOn) {
        return when(issuedOn.isNull(), lit(null).cast("double"))
                .when(issuedOn.cast("date").lt(lit(java.sql.Date.valueOf(ELECTRICITY_FACTOR_CHANGE))),
                        lit(ELECTRICITY_PRIMARY_2021))
                .otherwise(lit(ELECTRICITY_PRIMARY_2026));
    }
}
