/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * A map of a region's communes as one inline SVG, for the portal's pages and notes: every commune at the centre the
 * lake gives it, with its published figure as a proportional symbol.
 *
 * <p>Two kinds: {@link #scale} colours each commune's circle by a value on five equal classes (light yellow to dark
 * red, a sequential scheme that stays readable in grey and for colour-blind readers) and sizes it by a count;
 * {@link #pies} draws each commune's shares of a few categories (the charts' Okabe–Ito colours) as a pie sized by a
 * count, what the categories leave out in grey. A commune without a figure is a small grey point; one whose figure the
 * statistical-secrecy guard withheld is a dashed grey ring, so a reader sees that something was not published rather
 * than nothing there.
 *
 * <p>The projection is equirectangular around the region's mean latitude, which keeps distances and shapes right
 * at the scale of a département; there are no commune outlines (they are not in the lake), only centres. Drawn
 * with JFreeSVG, the library of the other charts: no kept Java library draws proportional-symbol maps without
 * outlines or tiles. Output is deterministic.
 */
public final class CommuneMap {

    /** Map width, SVG user units. */
    public static final int WIDTH = 800;

    /** Map height, SVG user units. */
    public static final int HEIGHT = 520;

    /** The five classes of {@link #scale}, light to dark (ColorBrewer YlOrRd). */
    static final List<Color> CLASSES = List.of(new Color(0xFFFFB2), new Color(0xFECC5C), new Color(0xFD8D3C),
            new Color(0xF03B20), new Color(0xBD0026));

    private static final int LEGEND_X = 560;
    private static final int TOP = 56;
    private static final int BOTTOM = HEIGHT - 24;
    private static final int LEFT = 24;
    private static final int RIGHT = LEGEND_X - 24;
    private static final double MIN_RADIUS = 6;
    private static final double MAX_RADIUS = 22;
    private static final double POINT_RADIUS = 3;
    private static final Color NO_DATA = new Color(0xAAAAAA);
    private static final Color OUTLINE = new Color(0x555555);
    private static final Color REST = new Color(0xCCCCCC);

    private CommuneMap() {
    }

    /**
     * A commune's centre.
     *
     * @param code the commune code (INSEE)
     * @param name its name
     * @param lat  latitude, degrees WGS 84
     * @param lon  longitude, degrees WGS 84
     */
    public record Place(String code, String name, double lat, double lon) {

        /** Checks the code and the position. */
        public Place {
            Objects.requireNonNull(code, "code");
            if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
                throw new IllegalArgumentException("commune " + code + ": position " + lat + ", " + lon
                        + " is not a latitude and longitude in degrees");
            }
            name = name == null || name.isBlank() ? code : name;
        }
    }

    /**
     * What one commune shows.
     *
     * @param code  the commune code, one of the map's places
     * @param parts the value ({@link #scale}: one number) or the category shares ({@link #pies}); null when the
     *              secrecy guard withheld the figure
     * @param size  the count that sizes the symbol (e.g. dwellings); {@code NaN} for a symbol of middle size
     * @param label the figure as the page writes it, under the commune's name
     */
    public record Mark(String code, double[] parts, double size, String label) {

        /** Copies the parts. */
        public Mark {
            Objects.requireNonNull(code, "code");
            parts = parts == null ? null : parts.clone();
        }

        /** A commune whose figure the guard withheld. */
        public static Mark withheld(String code, String label) {
            return new Mark(code, null, Double.NaN, label);
        }
    }

    /**
     * The legend's words, in the page's language.
     *
     * @param value    what the colours (or the pies' categories) give, e.g. "Share of F/G dwellings"
     * @param size     what the symbol's area gives, e.g. "circle area: dwellings"
     * @param withheld the dashed ring, e.g. "withheld (statistical secrecy)"
     * @param noData   the grey point, e.g. "no figure"
     */
    public record Legend(String value, String size, String withheld, String noData) {
    }

    /**
     * Circles coloured by a value on five equal classes from 0 to the largest value (rounded up), sized by a count.
     *
     * @param title  the map's title
     * @param places every commune of the region, drawn whether or not it has a mark
     * @param marks  the published figures, {@code parts} holding one value; one for a commune without a place is
     *               left off
     * @param format how the legend writes a class bound
     * @param legend the legend's words
     * @return the {@code <svg>} element
     */
    public static String scale(String title, List<Place> places, List<Mark> marks, DoubleFunction<String> format,
                               Legend legend) {
        double upper = niceCeiling(largest(places, marks));
        return classes(title, places, marks, upper, i -> format.apply(upper * i / CLASSES.size()) + " – "
                + format.apply(upper * (i + 1) / CLASSES.size()), legend);
    }

    /**
     * Circles coloured by a count (e.g. alert days) on five equal classes of whole numbers, from 0 to the largest
     * count rounded up to a multiple of five, sized by another count.
     *
     * @param title  the map's title
     * @param places every commune of the region
     * @param marks  the published figures, {@code parts} holding one count
     * @param legend the legend's words
     * @return the {@code <svg>} element
     */
    public static String counts(String title, List<Place> places, List<Mark> marks, Legend legend) {
        long width = Math.max(1, (long) Math.ceil(largest(places, marks) / CLASSES.size()));
        long upper = CLASSES.size() * width;
        // Whole classes that do not overlap: 0–1, 2–3, … 8–10 for a width of 2; single values for a width of 1.
        return classes(title, places, marks, upper, i -> {
            long low = i * width;
            long high = i == CLASSES.size() - 1 ? upper : (i + 1) * width - 1;
            return low == high ? Long.toString(low) : low + " – " + high;
        }, legend);
    }

    /** The largest value of the marks the map places; 0 when none. */
    private static double largest(List<Place> places, List<Mark> marks) {
        Set<String> placed = new HashSet<>();
        places.forEach(p -> placed.add(p.code()));
        return marks.stream()
                .filter(m -> m.parts() != null && m.parts().length > 0 && placed.contains(m.code())
                        && Double.isFinite(m.parts()[0]))
                .mapToDouble(m -> m.parts()[0]).max().orElse(0);
    }

    private static String classes(String title, List<Place> places, List<Mark> marks, double upper,
                                  IntFunction<String> classLabel, Legend legend) {
        for (Mark m : marks) {
            if (m.parts() != null && m.parts().length != 1) {
                throw new IllegalArgumentException("commune " + m.code() + ": a map of classes takes one value, got "
                        + m.parts().length);
            }
        }
        return draw(title, places, marks, legend, (g, m, x, y, r) -> {
            double v = m.parts()[0];
            g.setPaint(Double.isFinite(v) ? CLASSES.get(classOf(v, upper)) : NO_DATA);
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            g.setPaint(OUTLINE);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }, (g, y) -> {
            for (int i = 0; i < CLASSES.size(); i++) {
                g.setPaint(CLASSES.get(i));
                g.fill(new Rectangle2D.Double(LEGEND_X, y - 11, 18, 14));
                g.setPaint(OUTLINE);
                g.draw(new Rectangle2D.Double(LEGEND_X, y - 11, 18, 14));
                g.setPaint(SvgCharts.TEXT);
                g.drawString(classLabel.apply(i), LEGEND_X + 26, y);
                y += 20;
            }
            return y;
        });
    }

    /**
     * A pie of category shares per commune, sized by a count.
     *
     * @param title      the map's title
     * @param places     every commune of the region
     * @param marks      the published figures, {@code parts} holding one share per category, then the rest's
     * @param categories the categories' names, at most as many as the charts' colours
     * @param rest       the name of what the categories leave out (e.g. "others or withheld"), drawn in grey
     * @param legend     the legend's words
     * @return the {@code <svg>} element
     */
    public static String pies(String title, List<Place> places, List<Mark> marks, List<String> categories,
                              String rest, Legend legend) {
        if (categories.size() > SvgCharts.PALETTE.size()) {
            throw new IllegalArgumentException("a pie map takes at most " + SvgCharts.PALETTE.size()
                    + " categories, got " + categories.size());
        }
        List<String> names = new ArrayList<>(categories);
        names.add(Objects.requireNonNull(rest, "rest"));
        List<Color> colours = new ArrayList<>(SvgCharts.PALETTE.subList(0, categories.size()));
        colours.add(REST);
        for (Mark m : marks) {
            if (m.parts() != null && m.parts().length != names.size()) {
                throw new IllegalArgumentException("commune " + m.code() + ": " + m.parts().length
                        + " shares for " + categories.size() + " categories and the rest");
            }
        }
        return draw(title, places, marks, legend, (g, m, x, y, r) -> {
            double total = 0;
            for (double p : m.parts()) {
                total += Double.isFinite(p) && p > 0 ? p : 0;
            }
            double start = 90;
            for (int i = 0; i < m.parts().length; i++) {
                double p = m.parts()[i];
                if (!(Double.isFinite(p) && p > 0) || total <= 0) {
                    continue;
                }
                double extent = -360.0 * p / total;
                g.setPaint(colours.get(i));
                g.fill(new Arc2D.Double(x - r, y - r, 2 * r, 2 * r, start, extent, Arc2D.PIE));
                start += extent;
            }
            g.setPaint(OUTLINE);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }, (g, y) -> {
            for (int i = 0; i < names.size(); i++) {
                g.setPaint(colours.get(i));
                g.fill(new Rectangle2D.Double(LEGEND_X, y - 11, 18, 14));
                g.setPaint(SvgCharts.TEXT);
                g.drawString(names.get(i), LEGEND_X + 26, y);
                y += 20;
            }
            return y;
        });
    }

    /** Draws one commune's symbol at its projected centre. */
    private interface Symbol {
        void draw(SVGGraphics2D g, Mark mark, double x, double y, double radius);
    }

    /** Draws the kind's own legend entries from a baseline; returns the next free baseline. */
    private interface LegendEntries {
        int draw(SVGGraphics2D g, int baseline);
    }

    private static String draw(String title, List<Place> places, List<Mark> marks, Legend legend, Symbol symbol,
                               LegendEntries entries) {
        Map<String, Place> byCode = new HashMap<>();
        for (Place p : places) {
            if (byCode.put(p.code(), p) != null) {
                throw new IllegalArgumentException("commune " + p.code() + " is placed twice");
            }
        }
        Set<String> marked = new HashSet<>();
        for (Mark m : marks) {
            if (!marked.add(m.code())) {
                throw new IllegalArgumentException("commune " + m.code() + " has two figures");
            }
        }
        SVGGraphics2D g = SvgCharts.canvas(WIDTH, HEIGHT);
        g.setPaint(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        g.setFont(SvgCharts.TITLE_FONT);
        g.setPaint(SvgCharts.TEXT);
        g.drawString(title, LEFT, 26);

        Projection projection = Projection.fit(places);
        double largest = marks.stream()
                .filter(m -> m.parts() != null && Double.isFinite(m.size()) && byCode.containsKey(m.code()))
                .mapToDouble(Mark::size).max().orElse(0);
        Map<String, Mark> markOf = new HashMap<>();
        // A figure for a commune without a position stays off the map; the page's text and tables still give it.
        marks.stream().filter(m -> byCode.containsKey(m.code())).forEach(m -> markOf.put(m.code(), m));
        List<Place> ordered = new ArrayList<>(places);
        // Small symbols last, so that a large one never hides a small neighbour.
        ordered.sort((a, b) -> Double.compare(radius(markOf.get(b.code()), largest),
                radius(markOf.get(a.code()), largest)));
        // Every symbol's box, so that a label is placed where it hides no symbol and no other label.
        Map<String, Rectangle2D> symbols = new HashMap<>();
        for (Place p : places) {
            double r = radius(markOf.get(p.code()), largest);
            symbols.put(p.code(), new Rectangle2D.Double(projection.x(p) - r, projection.y(p) - r, 2 * r, 2 * r));
        }
        List<Rectangle2D> labels = new ArrayList<>();
        for (Place p : ordered) {
            double x = projection.x(p);
            double y = projection.y(p);
            Mark m = markOf.get(p.code());
            double r = radius(m, largest);
            g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, "commune-" + p.code());
            g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, p.name() + (m == null ? "" : " : " + m.label()));
            if (m == null) {
                g.setPaint(NO_DATA);
                g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            } else if (m.parts() == null) {
                g.setPaint(NO_DATA);
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {4f, 3f}, 0f));
                g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            } else {
                symbol.draw(g, m, x, y, r);
            }
            List<Rectangle2D> obstacles = new ArrayList<>(labels);
            symbols.forEach((code, box) -> {
                if (!code.equals(p.code())) {
                    obstacles.add(box);
                }
            });
            labels.add(label(g, p.name(), m == null ? null : m.label(), x, y, r, obstacles));
            g.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
        }

        g.setFont(SvgCharts.LEGEND_FONT);
        g.setPaint(SvgCharts.TEXT);
        g.setStroke(new BasicStroke(1f));
        int y = TOP;
        y = wrapped(g, legend.value(), y);
        y = entries.draw(g, y + 6) + 8;
        if (legend.size() != null && !legend.size().isBlank()) {
            g.setPaint(SvgCharts.MUTED_TEXT);
            y = wrapped(g, legend.size(), y) + 8;
        }
        g.setPaint(NO_DATA);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f},
                0f));
        g.draw(new Ellipse2D.Double(LEGEND_X + 2, y - 10, 14, 14));
        g.setPaint(SvgCharts.TEXT);
        y = wrappedAt(g, legend.withheld(), LEGEND_X + 26, y) + 6;
        g.setPaint(NO_DATA);
        g.fill(new Ellipse2D.Double(LEGEND_X + 9 - POINT_RADIUS, y - 3 - POINT_RADIUS, 2 * POINT_RADIUS,
                2 * POINT_RADIUS));
        g.setPaint(SvgCharts.TEXT);
        wrappedAt(g, legend.noData(), LEGEND_X + 26, y);
        return SvgCharts.finish(g, title, WIDTH, HEIGHT);
    }

    /** A symbol's radius: its area proportional to its count; a point without a figure. */
    private static double radius(Mark m, double largest) {
        if (m == null) {
            return POINT_RADIUS;
        }
        if (m.parts() == null || !Double.isFinite(m.size()) || largest <= 0) {
            return (MIN_RADIUS + MAX_RADIUS) / 2;
        }
        return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(Math.max(0, m.size()) / largest);
    }

    /**
     * Writes the commune's name and figure beside its symbol: right of it, else left, below or above, whichever
     * first hides nothing and stays in the map's area (else the one hiding least); returns the box it took.
     */
    private static Rectangle2D label(SVGGraphics2D g, String name, String figure, double x, double y, double r,
                                     List<Rectangle2D> obstacles) {
        g.setFont(SvgCharts.TICK_FONT.deriveFont(java.awt.Font.BOLD));
        double width = g.getFontMetrics().stringWidth(name);
        g.setFont(SvgCharts.TICK_FONT);
        if (figure != null) {
            width = Math.max(width, g.getFontMetrics().stringWidth(figure));
        }
        double height = figure == null ? 14 : 28;
        List<Rectangle2D> candidates = List.of(
                new Rectangle2D.Double(x + r + 4, y - height / 2, width, height),
                new Rectangle2D.Double(x - r - 4 - width, y - height / 2, width, height),
                new Rectangle2D.Double(x - width / 2, y + r + 2, width, height),
                new Rectangle2D.Double(x - width / 2, y - r - 2 - height, width, height));
        Rectangle2D area = new Rectangle2D.Double(LEFT - 12, TOP - 20, RIGHT + 28 - LEFT, BOTTOM + 24 - TOP);
        Rectangle2D best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (Rectangle2D c : candidates) {
            double cost = area.contains(c) ? 0 : 1e6;
            for (Rectangle2D o : obstacles) {
                Rectangle2D overlap = c.createIntersection(o);
                cost += overlap.isEmpty() ? 0 : overlap.getWidth() * overlap.getHeight();
            }
            if (cost < bestCost) {
                best = c;
                bestCost = cost;
            }
            if (cost == 0) {
                break;
            }
        }
        float tx = (float) best.getX();
        float top = (float) best.getY();
        g.setFont(SvgCharts.TICK_FONT.deriveFont(java.awt.Font.BOLD));
        g.setPaint(SvgCharts.TEXT);
        g.drawString(name, tx, top + 11);
        if (figure != null) {
            g.setFont(SvgCharts.TICK_FONT);
            g.setPaint(SvgCharts.MUTED_TEXT);
            g.drawString(figure, tx, top + 25);
        }
        return best;
    }

    /** Legend text from the legend's left edge, wrapped to its width; returns the next baseline. */
    private static int wrapped(SVGGraphics2D g, String text, int baseline) {
        return wrappedAt(g, text, LEGEND_X, baseline);
    }

    private static int wrappedAt(SVGGraphics2D g, String text, int x, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        int room = WIDTH - 12 - x;
        StringBuilder line = new StringBuilder();
        int y = baseline;
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && fm.stringWidth(candidate) > room) {
                g.drawString(line.toString(), x, y);
                y += 16;
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            g.drawString(line.toString(), x, y);
            y += 16;
        }
        return y;
    }

    /** The class of a value on five equal classes of [0, upper]; the upper bound falls in the last. */
    static int classOf(double value, double upper) {
        int c = (int) Math.floor(value / upper * CLASSES.size());
        return Math.max(0, Math.min(CLASSES.size() - 1, c));
    }

    /** The smallest of 1, 2, 2.5, 5 × a power of ten at or above {@code value}; 1 for nothing above zero. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** Equirectangular around the places' mean latitude, fitted and centred in the map's area. */
    private record Projection(double cosLat, double minX, double maxY, double scale, double offsetX,
                              double offsetY) {

        static Projection fit(List<Place> places) {
            if (places.isEmpty()) {
                return new Projection(1, 0, 0, 1, (LEFT + RIGHT) / 2.0, (TOP + BOTTOM) / 2.0);
            }
            double cos = Math.cos(Math.toRadians(places.stream().mapToDouble(Place::lat).average().orElse(0)));
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (Place p : places) {
                minX = Math.min(minX, p.lon() * cos);
                maxX = Math.max(maxX, p.lon() * cos);
                minY = Math.min(minY, p.lat());
                maxY = Math.max(maxY, p.lat());
            }
            // Room for the largest symbol and a label on every side.
            double width = RIGHT - LEFT - 2 * MAX_RADIUS - 90;
            double height = BOTTOM - TOP - 2 * MAX_RADIUS;
            double spanX = maxX - minX;
            double spanY = maxY - minY;
            double scale = spanX <= 0 && spanY <= 0 ? 1
                    : Math.min(spanX > 0 ? width / spanX : Double.POSITIVE_INFINITY,
                    spanY > 0 ? height / spanY : Double.POSITIVE_INFINITY);
            double offsetX = LEFT + MAX_RADIUS + (width - spanX * scale) / 2;
            double offsetY = TOP + MAX_RADIUS + (height - spanY * scale) / 2;
            return new Projection(cos, minX, maxY, scale, offsetX, offsetY);
        }

        double x(Place p) {
            return offsetX + (p.lon() * cosLat - minX) * scale;
        }

        double y(Place p) {
            return offsetY + (maxY - p.lat()) * scale;
        }
    }
}
