/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import java.util.List;
import java.util.Locale;

/**
 * A language the site is published in: French first, English second, each as a version of its own
 * ({@code site/fr/…}, {@code site/en/…}).
 *
 * <p>A page is written once, with both wordings side by side in the code ({@code lang.t("Rappel", "Recall")}), and
 * rendered once per language, so a reader never sees a paragraph switch language midway.
 */
public enum Lang {

    /** French, the committee's language and the site's first version. */
    FR("fr", "Français"),

    /** English, the second version. */
    EN("en", "English");

    /** Every language, in publishing order (the first one opens from the site root). */
    public static final List<Lang> ALL = List.of(values());

    private final String tag;
    private final String name;

    Lang(String tag, String name) {
        this.tag = tag;
        this.name = name;
    }

    /** The language tag, also the folder of this version under the site: {@code fr}, {@code en}. */
    public String tag() {
        return tag;
    }

    /** The language's own name, as a language switch shows it: {@code Français}, {@code English}. */
    public String displayName() {
        return name;
    }

    /** The wording of this language among the two given. */
    public String t(String french, String english) {
        return this == FR ? french : english;
    }

    /** The other version's language. */
    public Lang other() {
        return this == FR ? EN : FR;
    }

    /** The language of a tag ({@code fr}, {@code EN}); a clear message for any other. */
    public static Lang of(String tag) {
        for (Lang l : values()) {
            if (l.tag.equals(tag == null ? null : tag.toLowerCase(Locale.ROOT))) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown language \"" + tag + "\"; known: fr, en");
    }
}
