package org.energycommons.workbench.models.uc3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.energycommons.workbench.datasets.SharedSparkSession;
import org.energycommons.workbench.datasets.lake.LakeFiles;
import org.energycommons.workbench.models.mv.BaselineModel;
import org.energycommons.workbench.models.mv.BillingModel;
import org.energycommons.workbench.models.mv.CaltrackBilling;
import org.energycommons.workbench.models.mv.CaltrackDaily;
import org.energycommons.workbench.models.mv.DailyObservation;
import org.energycommons.workbench.models.mv.HourlyObservation;
import org.energycommons.workbench.models.mv.TowtHourly;
import org.energycommons.workbench.models.mv.TowtModel;
import org.energycommons.workbench.models.provenance.ModelProvenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save and load of each fitted baseline type (daily, billing, TOWT) through the model folder. */
class BaselineSetTest implements SharedSparkSession {

    private static final LocalDate START = LocalDate.of(2022, 1, 3);
    private static final LocalDate WORKS = START.plusDays(365);
    private static final Assignment RUN = new Assignment("B7", Assignment.TREATED, "windows", WORKS,
            START, WORKS.plusDays(60));

    private static List<DailyObservation> days() {
        List<DailyObservation> out = new ArrayList<>();
        for (int d = 0; d < 365; d++) {
            double t = 12 - 12 * Math.cos(2 * Math.PI * d / 365.0) + Math.sin(d);
            out.add(new DailyObservation(START.plusDays(d), 20 + 1.5 * Math.max(0, 16 - t) + Math.cos(3 * d), t));
        }
        return out;
    }

    private static List<HourlyObservation> hours() {
        List<HourlyObservation> out = new ArrayList<>();
        for (int d = 0; d < 365; d++) {
            for (int h = 0; h < 24; h++) {
                double t = 12 - 12 * Math.cos(2 * Math.PI * d / 365.0) + 3 * Math.sin(h / 4.0);
                out.add(new HourlyObservation((START.toEpochDay() * 24 + d * 24L + h) * 3600, START.plusDays(d),
                        (d % 7) * 24 + h, 1 + (h > 8 && h < 19 ? 2 : 0) + 0.05 * Math.max(0, 15 - t)
                        + 0.1 * Math.sin(7 * d + h), t));
            }
        }
        return out;
    }

    private static ModelProvenance provenance(String method) {
        return ModelProvenance.create("uc3", method, "spark-grouped-ols", "test", Map.of(), 1, Map.of(),
                List.of("temperature_mean_c"), "kwh per day", Map.of(), 365, "n=365;h=1");
    }

    private static BaselineSet roundTrip(BaselineSet set, Path dir) {
        LakeFiles files = new LakeFiles(SPARK);
        String path = dir.resolve(set.method()).toString();
        set.save(path, files, provenance(set.method()), Map.of("baseline_days", "365"));
        assertEquals(provenance(set.method()).modelId(), BaselineSet.provenance(path, files).modelId());
        return BaselineSet.load(path, files);
    }

    @Test
    void dailyBaselinesRoundTrip(@TempDir Path dir) {
        BaselineModel m = CaltrackDaily.defaults().fitBaseline(days(), START, WORKS).modelOrThrow();
        BaselineSet back = roundTrip(new BaselineSet(SavingsFits.DAILY, List.of(new BaselineSet.Stored(RUN, m))), dir);
        BaselineModel loaded = (BaselineModel) back.model("B7", Assignment.TREATED);
        assertEquals(m, loaded);
        assertEquals(m.predict(3.0), loaded.predict(3.0), 0);
        assertEquals(RUN, back.baselines().get(0).assignment());
    }

    @Test
    void billingBaselinesRoundTrip(@TempDir Path dir) {
        BillingModel m = CaltrackBilling.defaults().fitBaseline(days(), START, WORKS).model();
        BaselineSet back = roundTrip(new BaselineSet(SavingsFits.BILLING, List.of(new BaselineSet.Stored(RUN, m))),
                dir);
        BillingModel loaded = (BillingModel) back.model("B7", Assignment.TREATED);
        assertEquals(m, loaded);
        DailyObservation cold = new DailyObservation(WORKS, Double.NaN, -2.0);
        assertEquals(m.predict(cold), loaded.predict(cold), 0);
    }

    @Test
    void towtBaselinesRoundTrip(@TempDir Path dir) {
        TowtModel m = TowtHourly.defaults().fitBaseline(hours(), START, WORKS).model();
        BaselineSet back = roundTrip(new BaselineSet(SavingsFits.HOURLY, List.of(new BaselineSet.Stored(RUN, m))), dir);
        TowtModel loaded = (TowtModel) back.model("B7", Assignment.TREATED);
        assertEquals(m, loaded);
        for (int tow = 0; tow < 168; tow += 13) {
            assertEquals(m.predict(tow, 4.0), loaded.predict(tow, 4.0), 0);
        }
    }

    @Test
    void aSetHoldsOnlyItsMethodsModelsAndAMissingFolderIsAClearError(@TempDir Path dir) {
        TowtModel m = TowtHourly.defaults().fitBaseline(hours(), START, WORKS).model();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BaselineSet(SavingsFits.DAILY, List.of(new BaselineSet.Stored(RUN, m))));
        assertTrue(e.getMessage().contains("BaselineModel"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BaselineSet.load(dir.resolve("none").toString(), new LakeFiles(SPARK)));
        assertTrue(missing.getMessage().contains("no saved uc3 baselines"), missing.getMessage());
    }

    @Test
    void erasingABuildingRemovesItsRunsFromTheSavedSetAndKeepsTheOthers(@TempDir Path dir) throws Exception {
        BaselineModel m = CaltrackDaily.defaults().fitBaseline(days(), START, WORKS).modelOrThrow();
        Assignment other = new Assignment("B8", Assignment.PLACEBO, "windows", WORKS, START, WORKS.plusDays(60));
        BaselineSet set = new BaselineSet(SavingsFits.DAILY, List.of(new BaselineSet.Stored(RUN, m),
                new BaselineSet.Stored(other, m)));
        LakeFiles files = new LakeFiles(SPARK);
        String path = dir.resolve("daily").toString();
        set.save(path, files, provenance(SavingsFits.DAILY), Map.of("baseline_days", "365"));
        assertEquals(1, set.runsOf("B7"));

        assertEquals(1, BaselineSet.eraseBuilding(path, files, "B7"));
        BaselineSet back = BaselineSet.load(path, files);
        assertEquals(List.of(other), back.baselines().stream().map(BaselineSet.Stored::assignment).toList());
        String model = java.nio.file.Files.readString(dir.resolve("daily").resolve(BaselineSet.MODEL_FILE));
        assertTrue(!model.contains("B7") && model.contains("B8") && model.contains("\"erased_runs\" : 1"), model);
        assertTrue(!new String(java.nio.file.Files.readAllBytes(dir.resolve("daily").resolve(
                BaselineSet.BASELINES_FILE)), java.nio.charset.StandardCharsets.ISO_8859_1).contains("B7"));
        assertEquals(provenance(SavingsFits.DAILY).modelId(), BaselineSet.provenance(path, files).modelId(),
                "the provenance stays the fit's");
        assertEquals(0, BaselineSet.eraseBuilding(path, files, "B7"), "nothing left to remove");
    }
}
