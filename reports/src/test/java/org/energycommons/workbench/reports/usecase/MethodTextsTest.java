/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.energycommons.workbench.models.usecase.UseCase;
import org.energycommons.workbench.models.usecase.UseCases;
import org.junit.jupiter.api.Test;

/**
 * Every use case's method text exists in French and English, one English paragraph per French one with the same
 * placeholders, and the English one holds no common French word.
 */
class MethodTextsTest {

    private static String text(UseCase uc, String lang) throws IOException {
        String name = uc.id() + "/method." + lang + ".txt";
        try (InputStream in = UseCasePage.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{[a-z_]+}").matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    @Test
    void everyMethodHasItsTwoVersionsParagraphForParagraph() throws IOException {
        for (UseCase uc : UseCases.ALL) {
            String fr = text(uc, "fr");
            String en = text(uc, "en");
            assertEquals(fr.strip().split("\\R\\s*\\R").length, en.strip().split("\\R\\s*\\R").length,
                    uc.id() + ": one English paragraph per French one");
            assertEquals(placeholders(fr), placeholders(en), uc.id());
            for (String french : new String[] {" le ", " les ", " des ", " et ", " pour "}) {
                assertFalse(en.contains(french), uc.id() + ": French word \"" + french.strip() + "\" in method.en.txt");
            }
        }
    }
}
