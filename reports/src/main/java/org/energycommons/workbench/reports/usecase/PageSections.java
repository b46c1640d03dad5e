package org.energycommons.workbench.reports.usecase;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.energycommons.workbench.reports.render.HtmlPage;

/** The parts every use-case page shares: a section with its French title and English subtitle, the generation time. */
final class PageSections {

    private static final DateTimeFormatter UTC_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private PageSections() {
    }

    /** Opens section {@code id} with its French heading and, when given, its English subtitle. */
    static void section(HtmlPage page, String id, String french, String english) {
        page.section(id, null);
        StringBuilder h = new StringBuilder("<h2>").append(HtmlPage.escape(french));
        if (english != null) {
            h.append(" <small lang=\"en\" style=\"font-weight:400;color:#59636e\">· ")
                    .append(HtmlPage.escape(english)).append("</small>");
        }
        page.html(h.append("</h2>").toString());
    }

    /** An ISO instant as {@code yyyy-MM-dd HH:mm UTC}; an unparsable one as given; "—" when there is none. */
    static String generated(String generatedAt) {
        if (generatedAt == null || generatedAt.isBlank()) {
            return "\u2014";
        }
        try {
            return UTC_MINUTE.format(Instant.parse(generatedAt));
        } catch (DateTimeParseException e) {
            return generatedAt;
        }
    }
}
