/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks shared by the tests of pages: counting, self-containment, and writing a sample page to look at. */
public final class HtmlAssertions {

    /** The system property naming a folder where tests write the pages they render, for a person to look at. */
    public static final String SAMPLES_PROPERTY = "reports.samples";

    private HtmlAssertions() {
    }

    /** How many times a needle occurs in a haystack, without overlaps. */
    public static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /**
     * Asserts that a page loads nothing: no remote source or link, no script, no imported style, no CDN; a
     * {@code <link rel="alternate">} to the page in another language is metadata and allowed.
     */
    public static void assertSelfContained(String html) {
        String lower = html.toLowerCase().replaceAll("<link rel=\"alternate\" hreflang=\"[a-z-]+\" href=\"\\.\\./"
                + "[a-z]+/[a-z0-9_-]+\\.html\">", "");
        assertFalse(lower.contains("src=\"http"), "no external src");
        assertFalse(lower.contains("src='http"), "no external src");
        assertFalse(lower.contains("href=\"http"), "no external href");
        assertFalse(lower.contains("href='http"), "no external href");
        assertFalse(lower.contains("<script"), "no script");
        assertFalse(lower.contains("<link"), "no linked stylesheet or font");
        assertFalse(lower.contains("@import"), "no imported stylesheet");
        assertFalse(lower.contains("url(http"), "no remote CSS url()");
        assertFalse(lower.contains("//cdn"), "no CDN");
    }

    /**
     * Asserts that a page of the site names its other-language version in its head (its one {@code <link>}, which
     * loads nothing) and loads nothing.
     *
     * @param file the page's file name in its language's folder, e.g. {@code uc3.html}
     */
    public static void assertSelfContainedVersion(String html, Lang lang, String file) {
        String alternate = "<link rel=\"alternate\" hreflang=\"" + lang.other().tag() + "\" href=\"../"
                + lang.other().tag() + "/" + file + "\">";
        assertTrue(html.contains(alternate), alternate);
        assertEquals(1, count(html, "<link"), "only the alternate version's link");
        assertSelfContained(html);
    }

    /** The content of section {@code id} of a page. */
    public static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        if (start < 0) {
            throw new AssertionError("no section " + id);
        }
        return html.substring(start, html.indexOf("</section>", start));
    }

    /**
     * Writes a rendered page as {@code name} into the folder named by {@value #SAMPLES_PROPERTY}, when it is set
     * (e.g. {@code mvn test -Dreports.samples=/tmp/pages}); does nothing otherwise.
     */
    public static void writeSample(String name, String html) {
        String folder = System.getProperty(SAMPLES_PROPERTY);
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(folder));
            Files.writeString(dir.resolve(name), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample page " + name + " to " + folder, e);
        }
    }
}
