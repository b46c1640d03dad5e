package org.energycommons.workbench.datasets.building;

/**
 * The conversion factors of the 2021 DPE method from final energy (kWh) to primary energy (kWh EP) and to
 * greenhouse gas emissions (kgCO2e), shared by the synthetic generator and the uc5 features that turn metered use
 * into certificate-like intensities.
 *
 * <p>Primary energy: electricity ×{@value #ELECTRICITY_PRIMARY} (arrêté of 31 March 2021; a factor of 1.9 applies
 * to certificates from 1 January 2026, which v1 does not model), other energies ×{@value #OTHER_PRIMARY}.
 * Emissions use the 3CL-DPE 2021 factors per kWh of final energy: electricity {@value #GHG_ELECTRICITY} (the
 * heating-use factor, applied to every electric use in v1), natural gas {@value #GHG_GAS}, fuel oil
 * {@value #GHG_FUEL_OIL}, wood logs {@value #GHG_WOOD}.
 */
public final class DpeFactors {

    /** Primary energy per kWh of electricity (2021 method). */
    public static final double ELECTRICITY_PRIMARY = 2.3;
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
}
