package org.energycommons.workbench.models.benchmark.enb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KFoldTest {

    @Test
    void everyRowIsInExactlyOneTestFoldAndTrainIsTheComplement() {
        for (int n : new int[] {10, 11, 19, 768}) {
            KFold folds = KFold.of(n, 10, 42);
            int[] seen = new int[n];
            for (int f = 0; f < folds.folds(); f++) {
                int[] test = folds.test(f);
                int[] train = folds.train(f);
                assertEquals(n, test.length + train.length);
                assertTrue(test.length == n / 10 || test.length == n / 10 + 1, "balanced fold sizes");
                boolean[] inTest = new boolean[n];
                for (int i : test) {
                    seen[i]++;
                    inTest[i] = true;
                }
                for (int i : train) {
                    assertFalse(inTest[i], "row " + i + " in both train and test of fold " + f);
                }
                assertEquals(n, Arrays.stream(train).distinct().count() + test.length);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(1, seen[i], "row " + i + " of " + n);
            }
        }
    }

    @Test
    void sameSeedSameFoldsOtherSeedOtherFolds() {
        KFold a = KFold.of(768, 10, 42);
        KFold b = KFold.of(768, 10, 42);
        KFold c = KFold.of(768, 10, 43);
        boolean differs = false;
        for (int f = 0; f < 10; f++) {
            assertArrayEquals(a.test(f), b.test(f));
            differs |= !Arrays.equals(a.test(f), c.test(f));
        }
        assertTrue(differs);
    }

    @Test
    void foldsAreShuffledNotContiguousBlocks() {
        int[] first = KFold.of(100, 10, 7).test(0);
        assertFalse(Arrays.equals(first, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    }

    @Test
    void refusesImpossibleSplits() {
        assertThrows(IllegalArgumentException.class, () -> KFold.of(5, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> KFold.of(5, 1, 1));
    }
}
