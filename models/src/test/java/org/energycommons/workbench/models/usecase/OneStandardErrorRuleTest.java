package org.energycommons.workbench.models.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class OneStandardErrorRuleTest {

    /** Per candidate, whether it is right on each validation unit; the score is the share right. */
    private static BiFunction<String, List<Integer>, Double> accuracy(Map<String, boolean[]> right) {
        return (name, units) -> units.isEmpty() ? Double.NaN
                : units.stream().filter(u -> right.get(name)[u]).count() / (double) units.size();
    }

    private static List<Integer> units(int n) {
        List<Integer> u = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            u.add(i);
        }
        return u;
    }

    private static boolean[] rightOnFirst(int n, int right) {
        boolean[] r = new boolean[n];
        for (int i = 0; i < right; i++) {
            r[i] = true;
        }
        return r;
    }

    private static Map<String, Integer> capacities(String simple, String flexible) {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put(flexible, 1);
        c.put(simple, 0);
        return c;
    }

    @Test
    void theSimplerCandidateIsKeptWhenTheBestBeatsItByLessThanOneStandardError() {
        // 20 units: the flexible model is right on units 0–16, the simple one on 0–14 and 17. The paired
        // differences are +1, +1, −1 on units 15, 16, 17 and 0 elsewhere: shortfall 0.05, standard error
        // sqrt((3/20 − 0.05²) / 20) = 0.086, so the shortfall is within one standard error.
        boolean[] ridge = rightOnFirst(20, 15);
        ridge[17] = true;
        Map<String, boolean[]> right = Map.of("trees", rightOnFirst(20, 17), "ridge", ridge);
        OneStandardErrorRule.Choice c = OneStandardErrorRule.choose(capacities("ridge", "trees"), units(20),
                accuracy(right), 42L);
        assertEquals("trees", c.topScored());
        assertEquals("ridge", c.chosen());
        assertEquals(0.05, c.shortfalls().get("ridge"), 1e-12);
        assertEquals(Math.sqrt((3.0 / 20 - 0.05 * 0.05) / 20), c.standardErrors().get("ridge"), 0.01);
        // Three units apart and no unit the other way (right on 0–16 against 0–13): shortfall 0.15, standard error
        // sqrt(0.15 · 0.85 / 20) = 0.080, and the flexible model wins.
        Map<String, boolean[]> apart = Map.of("trees", rightOnFirst(20, 17), "ridge", rightOnFirst(20, 14));
        assertEquals("trees", OneStandardErrorRule.choose(capacities("ridge", "trees"), units(20), accuracy(apart),
                42L).chosen());
        assertTrue(c.describe().startsWith("ridge: validation score 0.800, 0.050 below the best (trees, 0.850)"),
                c.describe());
    }

    @Test
    void aCandidateBetterByMoreThanOneStandardErrorWins() {
        // 40 units: 36 right against 20 — a shortfall of 0.4 with a standard error near 0.08.
        Map<String, boolean[]> right = Map.of("trees", rightOnFirst(40, 36), "ridge", rightOnFirst(40, 20));
        OneStandardErrorRule.Choice c = OneStandardErrorRule.choose(capacities("ridge", "trees"), units(40),
                accuracy(right), 42L);
        assertEquals("trees", c.chosen());
        assertEquals(0.4, c.shortfalls().get("ridge"), 1e-12);
        assertTrue(c.standardErrors().get("ridge") < 0.1, c.standardErrors().toString());
        assertEquals(0.0, c.standardErrors().get("trees"), 0);
        assertEquals("trees: best validation score 0.900, and no candidate of less capacity within one standard "
                + "error of it", c.describe());
    }

    @Test
    void equalScoresGoToLessCapacityAndAmongEqualCapacityToTheHigherScoreThenTheOrder() {
        Map<String, boolean[]> right = new LinkedHashMap<>();
        right.put("a", rightOnFirst(10, 8));
        right.put("b", rightOnFirst(10, 8));
        right.put("c", rightOnFirst(10, 8));
        Map<String, Integer> cap = new LinkedHashMap<>();
        cap.put("a", 1);
        cap.put("b", 0);
        cap.put("c", 0);
        OneStandardErrorRule.Choice c = OneStandardErrorRule.choose(cap, units(10), accuracy(right), 1L);
        assertEquals("a", c.topScored(), "the first of equal scores tops the ranking");
        assertEquals("b", c.chosen(), "equal capacity and score: the candidates' order");
        assertEquals("b: validation score 0.800, equal to the best (a), and of less capacity", c.describe());
        // With nothing of less capacity, the top-scored candidate is chosen.
        Map<String, Integer> flat = new LinkedHashMap<>();
        flat.put("a", 1);
        flat.put("c", 1);
        OneStandardErrorRule.Choice top = OneStandardErrorRule.choose(flat, units(10), accuracy(right), 1L);
        assertEquals("a", top.chosen());
        assertEquals("a: best validation score 0.800, and of the least capacity", top.describe());
    }

    @Test
    void theSameSeedGivesTheSameChoiceAndBadInputIsRefused() {
        Map<String, boolean[]> right = Map.of("trees", rightOnFirst(17, 14), "ridge", rightOnFirst(17, 12));
        OneStandardErrorRule.Choice one = OneStandardErrorRule.choose(capacities("ridge", "trees"), units(17),
                accuracy(right), 7L);
        OneStandardErrorRule.Choice two = OneStandardErrorRule.choose(capacities("ridge", "trees"), units(17),
                accuracy(right), 7L);
        assertEquals(one, two);
        assertThrows(IllegalArgumentException.class, () -> OneStandardErrorRule.choose(Map.of(), units(3),
                accuracy(right), 1L));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> OneStandardErrorRule
                .choose(capacities("ridge", "trees"), List.of(), accuracy(right), 1L));
        assertTrue(none.getMessage().startsWith("no candidate has a finite validation score"), none.getMessage());
    }
}
