/*
 * Energy Commons Workbench
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.energycommons.workbench.reports.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DateFormat;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Static factory of self-contained SVG charts (time series, bars, scatter) for inlining in HTML reports.
 *
 * <p>Each method returns a single {@code <svg>} element, without XML prolog, with {@code width},
 * {@code height} and a {@code viewBox} so that it scales with its container. Text stays as real
 * {@code <text>} elements (searchable, accessible). Colours follow the Okabe–Ito palette, which stays
 * distinguishable for the common forms of colour blindness; scatter series also differ by marker shape.
 *
 * <p>Output is deterministic: the same specification gives the same string. Identifiers of the
 * {@code <defs>} (clip paths) are derived from a hash of the chart itself, so that several charts can be
 * inlined in one page without identifier clashes. Times are UTC instants displayed in Europe/Paris local
 * time. {@code NaN} (and infinite) values are gaps; an empty series list gives a chart that says
 * {@value #NO_DATA}.
 */
public final class SvgCharts {

    static {
        System.setProperty("java.awt.headless", "true");
        // JFreeChart draws rotated labels (value axis, slanted categories) through a TextLayout by default,
        // which SVGGraphics2D can only write as glyph outlines; plain drawString keeps them as <text>.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** The message drawn in place of a plot when there is nothing to plot: a sign, the same in every language. */
    public static final String NO_DATA = "\u2205";

    /** Default chart width, in SVG user units (pixels). */
    public static final int DEFAULT_WIDTH = 800;

    /** Default chart height, in SVG user units (pixels). */
    public static final int DEFAULT_HEIGHT = 360;

    /** The zone in which instants are displayed. */
    public static final TimeZone DISPLAY_ZONE = TimeZone.getTimeZone("Europe/Paris");

    /** Okabe–Ito, ordered for contrast on white; yellow last, black dropped (kept for reference lines). */
    static final List<Color> PALETTE = List.of(
            new Color(0x0072B2), // blue
            new Color(0xE69F00), // orange
            new Color(0x009E73), // bluish green
            new Color(0xD55E00), // vermillion
            new Color(0xCC79A7), // reddish purple
            new Color(0x56B4E9), // sky blue
            new Color(0xF0E442)); // yellow

    static final Color TEXT = new Color(0x222222);
    static final Color MUTED_TEXT = new Color(0x555555);
    private static final Color AXIS_LINE = new Color(0x888888);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color REFERENCE = new Color(0x333333);

    private static final String FONT_STACK =
            "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, Noto Sans, sans-serif";
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font NO_DATA_FONT = new Font(Font.SANS_SERIF, Font.ITALIC, 14);

    private static final float BAND_ALPHA = 0.22f;
    private static final int SCATTER_ALPHA = 190;
    private static final double SHAPE_SIZE = 7.0;

    private static final String DEFS_PLACEHOLDER = "ecwdefsprefix-";

    private SvgCharts() {
    }

    // ------------------------------------------------------------------------------------------
    // Specifications
    // ------------------------------------------------------------------------------------------

    /**
     * A line series of a time-series chart: values at UTC instants given as epoch milliseconds.
     *
     * <p>The arrays are copied. Points need not be sorted; {@code NaN} (and infinite) values are drawn as gaps.
     *
     * @param name        legend name, not null
     * @param epochMillis instants, UTC epoch milliseconds
     * @param values      values aligned with {@code epochMillis}
     */
    public record Series(String name, long[] epochMillis, double[] values) {
        /**
         * Validates and copies the arrays.
         *
         * @param name legend name
         * @param epochMillis instants, UTC epoch milliseconds
         * @param values values aligned with {@code epochMillis}
         * @throws IllegalArgumentException if the name or an array is null, or the arrays differ in length
         */
        public Series {
            requireName(name, "Series");
            requireArray(epochMillis, "Series", name, "epochMillis");
            requireArray(values, "Series", name, "values");
            requireSameLength("Series", name, "epochMillis", epochMillis.length, "values", values.length);
            epochMillis = epochMillis.clone();
            values = values.clone();
        }
    }

    /**
     * A shaded interval of a time-series chart (for example P10–P90), drawn semi-transparent behind the series.
     *
     * <p>The arrays are copied. The band is interrupted where a bound is {@code NaN} (or infinite).
     *
     * @param name        legend name, not null
     * @param epochMillis instants, UTC epoch milliseconds
     * @param lower       lower bound at each instant
     * @param upper       upper bound at each instant
     */
    public record Band(String name, long[] epochMillis, double[] lower, double[] upper) {
        /**
         * Validates and copies the arrays.
         *
         * @param name legend name
         * @param epochMillis instants, UTC epoch milliseconds
         * @param lower lower bound at each instant
         * @param upper upper bound at each instant
         * @throws IllegalArgumentException if the name or an array is null, or the arrays differ in length
         */
        public Band {
            requireName(name, "Band");
            requireArray(epochMillis, "Band", name, "epochMillis");
            requireArray(lower, "Band", name, "lower");
            requireArray(upper, "Band", name, "upper");
            requireSameLength("Band", name, "epochMillis", epochMillis.length, "lower", lower.length);
            requireSameLength("Band", name, "epochMillis", epochMillis.length, "upper", upper.length);
            epochMillis = epochMillis.clone();
            lower = lower.clone();
            upper = upper.clone();
        }
    }

    /**
     * A dashed horizontal reference line of a time-series chart (for example a capacity limit), labelled with its name.
     *
     * @param name  label, not null
     * @param value position on the value axis, finite
     */
    public record HorizontalLine(String name, double value) {
        /**
         * Validates the line.
         *
         * @param name label
         * @param value position on the value axis
         * @throws IllegalArgumentException if the name is null or the value is not finite
         */
        public HorizontalLine {
            requireName(name, "HorizontalLine");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        "HorizontalLine '" + name + "': value must be finite, got " + value);
            }
        }
    }

    /**
     * The specification of a time-series chart: line series over a date axis, optional bands and reference lines.
     *
     * @param title  chart title, not null (may be empty)
     * @param yLabel value axis label, null or empty for none
     * @param series line series, not null, names unique (may be empty: the chart then says {@value SvgCharts#NO_DATA})
     * @param bands  shaded intervals, null for none, names unique
     * @param lines  horizontal reference lines, null for none
     * @param width  width in pixels, &gt; 0
     * @param height height in pixels, &gt; 0
     */
    public record TimeSeriesChart(String title, String yLabel, List<Series> series, List<Band> bands,
                                  List<HorizontalLine> lines, int width, int height) {
        /**
         * Validates the specification and copies the lists.
         *
         * @param title chart title
         * @param yLabel value axis label
         * @param series line series
         * @param bands shaded intervals, null for none
         * @param lines reference lines, null for none
         * @param width width in pixels
         * @param height height in pixels
         * @throws IllegalArgumentException if the title or series list is null, an element is null, names repeat or a
         *     size is not positive
         */
        public TimeSeriesChart {
            requireTitle(title, "TimeSeriesChart");
            series = requireList(series, "TimeSeriesChart", "series", false);
            bands = requireList(bands, "TimeSeriesChart", "bands", true);
            lines = requireList(lines, "TimeSeriesChart", "lines", true);
            requireUniqueNames("TimeSeriesChart", "series", series.stream().map(Series::name).toList());
            requireUniqueNames("TimeSeriesChart", "bands", bands.stream().map(Band::name).toList());
            requireSize("TimeSeriesChart", width, height);
        }

        /**
         * A chart of the default size (800×360) with no bands and no reference lines.
         *
         * @param title  chart title
         * @param yLabel value axis label
         * @param series line series
         */
        public TimeSeriesChart(String title, String yLabel, List<Series> series) {
            this(title, yLabel, series, List.of(), List.of(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        }
    }

    /**
     * A series of a bar chart: one value per category, {@code NaN} for a missing bar.
     *
     * @param name   legend name, not null
     * @param values values aligned with the chart's categories (copied)
     */
    public record BarSeries(String name, double[] values) {
        /**
         * Validates and copies the values.
         *
         * @param name legend name
         * @param values values aligned with the categories
         * @throws IllegalArgumentException if the name or the values are null
         */
        public BarSeries {
            requireName(name, "BarSeries");
            requireArray(values, "BarSeries", name, "values");
            values = values.clone();
        }
    }

    /**
     * The specification of a vertical bar chart; several series give grouped bars.
     *
     * @param title      chart title, not null (may be empty)
     * @param xLabel     category axis label, null or empty for none
     * @param yLabel     value axis label, null or empty for none
     * @param categories category labels, not null, unique
     * @param series     bar series, not null, names unique, each with one value per category
     * @param width      width in pixels, &gt; 0
     * @param height     height in pixels, &gt; 0
     */
    public record BarChart(String title, String xLabel, String yLabel, List<String> categories,
                           List<BarSeries> series, int width, int height) {
        /**
         * Validates the specification and copies the lists.
         *
         * @param title chart title
         * @param xLabel category axis label
         * @param yLabel value axis label
         * @param categories category labels
         * @param series bar series
         * @param width width in pixels
         * @param height height in pixels
         * @throws IllegalArgumentException if the title or a list is null, an element is null, names or categories
         *     repeat, a series does not have one value per category or a size is not positive
         */
        public BarChart {
            requireTitle(title, "BarChart");
            categories = requireList(categories, "BarChart", "categories", false);
            series = requireList(series, "BarChart", "series", false);
            requireUniqueNames("BarChart", "categories", categories);
            requireUniqueNames("BarChart", "series", series.stream().map(BarSeries::name).toList());
            for (BarSeries s : series) {
                if (s.values().length != categories.size()) {
                    throw new IllegalArgumentException("BarChart: series '" + s.name() + "' has "
                            + s.values().length + " values but there are " + categories.size() + " categories");
                }
            }
            requireSize("BarChart", width, height);
        }

        /**
         * A bar chart of the default size (800×360).
         *
         * @param title      chart title
         * @param xLabel     category axis label
         * @param yLabel     value axis label
         * @param categories category labels
         * @param series     bar series
         */
        public BarChart(String title, String xLabel, String yLabel, List<String> categories, List<BarSeries> series) {
            this(title, xLabel, yLabel, categories, series, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        }
    }

    /**
     * A series of a scatter chart: points (x, y); a point with a {@code NaN} coordinate is skipped.
     *
     * @param name legend name, not null
     * @param x    abscissae (copied)
     * @param y    ordinates aligned with {@code x} (copied)
     */
    public record XySeries(String name, double[] x, double[] y) {
        /**
         * Validates and copies the arrays.
         *
         * @param name legend name
         * @param x abscissae
         * @param y ordinates aligned with {@code x}
         * @throws IllegalArgumentException if the name or an array is null, or the arrays differ in length
         */
        public XySeries {
            requireName(name, "XySeries");
            requireArray(x, "XySeries", name, "x");
            requireArray(y, "XySeries", name, "y");
            requireSameLength("XySeries", name, "x", x.length, "y", y.length);
            x = x.clone();
            y = y.clone();
        }
    }

    /**
     * The specification of a scatter chart, optionally with the diagonal y = x (predicted against actual).
     *
     * <p>With {@code diagonal}, both axes share the same range so that the diagonal is at 45°.
     *
     * @param title    chart title, not null (may be empty)
     * @param xLabel   horizontal axis label, null or empty for none
     * @param yLabel   vertical axis label, null or empty for none
     * @param series   point series, not null, names unique
     * @param diagonal whether to draw y = x
     * @param width    width in pixels, &gt; 0
     * @param height   height in pixels, &gt; 0
     */
    public record ScatterChart(String title, String xLabel, String yLabel, List<XySeries> series, boolean diagonal,
                               int width, int height) {
        /**
         * Validates the specification and copies the list.
         *
         * @param title chart title
         * @param xLabel horizontal axis label
         * @param yLabel vertical axis label
         * @param series point series
         * @param diagonal whether to draw y = x
         * @param width width in pixels
         * @param height height in pixels
         * @throws IllegalArgumentException if the title or series list is null, an element is null, names repeat or a
         *     size is not positive
         */
        public ScatterChart {
            requireTitle(title, "ScatterChart");
            series = requireList(series, "ScatterChart", "series", false);
            requireUniqueNames("ScatterChart", "series", series.stream().map(XySeries::name).toList());
            requireSize("ScatterChart", width, height);
        }

        /**
         * A scatter chart of the default size (800×360).
         *
         * @param title    chart title
         * @param xLabel   horizontal axis label
         * @param yLabel   vertical axis label
         * @param series   point series
         * @param diagonal whether to draw y = x
         */
        public ScatterChart(String title, String xLabel, String yLabel, List<XySeries> series, boolean diagonal) {
            this(title, xLabel, yLabel, series, diagonal, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Charts
    // ------------------------------------------------------------------------------------------

    /**
     * Renders a time-series chart: bands behind, then series, then dashed reference lines.
     *
     * @param spec the chart specification, not null
     * @return one {@code <svg>} element
     */
    public static String timeSeries(TimeSeriesChart spec) {
        Objects.requireNonNull(spec, "spec");
        XYSeriesCollection lineData = new XYSeriesCollection();
        for (Series s : spec.series()) {
            XYSeries xy = new XYSeries(clean(s.name()), true, true);
            for (int i = 0; i < s.values().length; i++) {
                double v = s.values()[i];
                xy.add(s.epochMillis()[i], Double.isFinite(v) ? v : Double.NaN, false);
            }
            lineData.addSeries(xy);
        }

        DateAxis timeAxis = new DateAxis(DISPLAY_ZONE.getID(), DISPLAY_ZONE, Locale.ROOT);
        timeAxis.setStandardTickUnits(dateTickUnits());
        timeAxis.setLowerMargin(0.01);
        timeAxis.setUpperMargin(0.01);
        NumberAxis valueAxis = valueAxis(spec.yLabel());
        valueAxis.setAutoRangeIncludesZero(false);
        if (spec.series().stream().allMatch(s -> counts(s.values()))) {
            integerTicks(valueAxis);
        }

        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < spec.series().size(); i++) {
            lineRenderer.setSeriesPaint(i, colour(i));
            lineRenderer.setSeriesStroke(i, new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        XYPlot plot = new XYPlot(lineData, timeAxis, valueAxis, lineRenderer);

        if (!spec.bands().isEmpty()) {
            YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
            BandRenderer bandRenderer = new BandRenderer();
            int index = 0;
            for (int b = 0; b < spec.bands().size(); b++) {
                Band band = spec.bands().get(b);
                List<YIntervalSeries> segments = bandSegments(band);
                for (int k = 0; k < segments.size(); k++) {
                    bandData.addSeries(segments.get(k));
                    bandRenderer.setSeriesFillPaint(index, colour(b));
                    bandRenderer.setSeriesPaint(index, colour(b));
                    bandRenderer.setSeriesVisibleInLegend(index, k == 0);
                    index++;
                }
            }
            plot.setDataset(1, bandData);
            plot.setRenderer(1, bandRenderer);
            // the band dataset has the higher index: REVERSE draws it first, i.e. behind the series
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        }

        for (HorizontalLine line : spec.lines()) {
            ValueMarker marker = new ValueMarker(line.value(), REFERENCE, new BasicStroke(1.4f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel(clean(line.name()));
            marker.setLabelFont(TICK_FONT);
            marker.setLabelPaint(REFERENCE);
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            marker.setLabelOffset(new RectangleInsets(2, 6, 2, 6));
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
            plot.addRangeMarker(marker, Layer.FOREGROUND);
        }
        includeReferenceLines(valueAxis, spec.lines(), !lineData.getSeries().isEmpty());

        styleXYPlot(plot);
        return render(chart(spec.title(), plot, 40), spec.title(), spec.width(), spec.height());
    }

    /**
     * Renders a vertical bar chart; several series are drawn as grouped bars.
     *
     * @param spec the chart specification, not null
     * @return one {@code <svg>} element
     */
    public static String bars(BarChart spec) {
        Objects.requireNonNull(spec, "spec");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> categories = spec.categories().stream().map(SvgCharts::clean).toList();
        for (BarSeries s : spec.series()) {
            for (int c = 0; c < categories.size(); c++) {
                double v = s.values()[c];
                data.addValue(Double.isFinite(v) ? (Number) v : null, clean(s.name()), categories.get(c));
            }
        }

        CategoryAxis categoryAxis = new CategoryAxis(emptyToNull(spec.xLabel()));
        styleAxis(categoryAxis);
        categoryAxis.setCategoryMargin(spec.series().size() > 1 ? 0.25 : 0.3);
        categoryAxis.setLowerMargin(0.02);
        categoryAxis.setUpperMargin(0.02);
        // Two lines before slanting: a long label wraps under its bars rather than being cut with "...".
        categoryAxis.setMaximumCategoryLabelLines(2);
        if (labelsCrowded(categories, spec.width(), categoryAxis.getCategoryMargin())) {
            categoryAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis valueAxis = valueAxis(spec.yLabel());
        valueAxis.setAutoRangeIncludesZero(true);
        if (spec.series().stream().allMatch(s -> counts(s.values()))) {
            integerTicks(valueAxis);
        }

        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.04);
        renderer.setMaximumBarWidth(0.12);
        for (int i = 0; i < spec.series().size(); i++) {
            renderer.setSeriesPaint(i, colour(i));
        }

        CategoryPlot plot = new CategoryPlot(data, categoryAxis, valueAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(true);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(AXIS_LINE);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        styleNoData(plot);
        return render(chart(spec.title(), plot, 16), spec.title(), spec.width(), spec.height());
    }

    /**
     * Renders a scatter chart, with the diagonal y = x when asked.
     *
     * @param spec the chart specification, not null
     * @return one {@code <svg>} element
     */
    public static String scatter(ScatterChart spec) {
        return xy(spec, false);
    }

    /**
     * Renders the same specification as lines over a numeric axis, each series' points joined in the order of x
     * (a typical day over its hours, a curve over a parameter), with the diagonal y = x when asked.
     *
     * @param spec the chart specification, not null
     * @return one {@code <svg>} element
     */
    public static String lines(ScatterChart spec) {
        return xy(spec, true);
    }

    private static String xy(ScatterChart spec, boolean joined) {
        Objects.requireNonNull(spec, "spec");
        XYSeriesCollection points = new XYSeriesCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XySeries s : spec.series()) {
            XYSeries xy = new XYSeries(clean(s.name()), joined, true);
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i];
                double y = s.y()[i];
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    continue;
                }
                xy.add(x, y, false);
                lo = Math.min(lo, Math.min(x, y));
                hi = Math.max(hi, Math.max(x, y));
            }
            points.addSeries(xy);
        }

        NumberAxis xAxis = valueAxis(spec.xLabel());
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yAxis = valueAxis(spec.yLabel());
        yAxis.setAutoRangeIncludesZero(false);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(joined, !joined);
        for (int i = 0; i < spec.series().size(); i++) {
            Color c = colour(i);
            if (joined) {
                renderer.setSeriesPaint(i, c);
                renderer.setSeriesStroke(i, new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            } else {
                renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), SCATTER_ALPHA));
                renderer.setSeriesShape(i, marker(i));
            }
        }
        XYPlot plot = new XYPlot(points, xAxis, yAxis, renderer);

        if (spec.diagonal() && lo <= hi) {
            double pad = hi > lo ? (hi - lo) * 0.04 : Math.max(1.0, Math.abs(lo) * 0.1);
            Range range = new Range(lo - pad, hi + pad);
            XYSeries diagonal = new XYSeries("y = x", false, false);
            diagonal.add(range.getLowerBound(), range.getLowerBound());
            diagonal.add(range.getUpperBound(), range.getUpperBound());
            XYLineAndShapeRenderer diagonalRenderer = new XYLineAndShapeRenderer(true, false);
            diagonalRenderer.setSeriesPaint(0, REFERENCE);
            diagonalRenderer.setSeriesStroke(0, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            plot.setDataset(1, new XYSeriesCollection(diagonal));
            plot.setRenderer(1, diagonalRenderer);
            // the diagonal has the higher index: REVERSE draws it first, under the points
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
            xAxis.setRange(range);
            yAxis.setRange(range);
        }

        styleXYPlot(plot);
        return render(chart(spec.title(), plot, 16), spec.title(), spec.width(), spec.height());
    }

    // ------------------------------------------------------------------------------------------
    // Construction helpers
    // ------------------------------------------------------------------------------------------

    private static List<YIntervalSeries> bandSegments(Band band) {
        Integer[] order = IntStream.range(0, band.epochMillis().length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong(i -> band.epochMillis()[i]));
        List<YIntervalSeries> segments = new ArrayList<>();
        YIntervalSeries current = null;
        String name = clean(band.name());
        for (int i : order) {
            double lower = band.lower()[i];
            double upper = band.upper()[i];
            if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new YIntervalSeries(new SegmentKey(name, segments.size()), false, true);
                segments.add(current);
            }
            double t = band.epochMillis()[i];
            current.add(t, (lower + upper) / 2.0, Math.min(lower, upper), Math.max(lower, upper));
        }
        if (segments.isEmpty()) {
            // keeps the band in the legend even when all its bounds are missing
            segments.add(new YIntervalSeries(new SegmentKey(name, 0), false, true));
        }
        return segments;
    }

    /** A series key that shows as the band name, distinct for each contiguous piece of one band. */
    private record SegmentKey(String name, int segment) implements Comparable<SegmentKey> {
        @Override
        public int compareTo(SegmentKey other) {
            int c = name.compareTo(other.name);
            return c != 0 ? c : Integer.compare(segment, other.segment);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Extends the value axis so that every reference line is inside it, with room above the highest line for
     * its label.
     */
    /** Fills bands semi-transparent and shows each as a filled swatch in the legend. */
    private static final class BandRenderer extends DeviationRenderer {
        private static final long serialVersionUID = 1L;

        BandRenderer() {
            super(false, false);
            setAlpha(BAND_ALPHA);
        }

        @Override
        public LegendItem getLegendItem(int datasetIndex, int series) {
            XYPlot plot = getPlot();
            XYDataset dataset = plot == null ? null : plot.getDataset(datasetIndex);
            if (dataset == null || !isSeriesVisibleInLegend(series)) {
                return null;
            }
            Color base = (Color) lookupSeriesFillPaint(series);
            int alpha = Math.round(BAND_ALPHA * 1.6f * 255);
            Color swatch = new Color(base.getRed(), base.getGreen(), base.getBlue(), alpha);
            LegendItem item = new LegendItem(dataset.getSeriesKey(series).toString(), null, null, null,
                    new Rectangle2D.Double(-7, -5, 14, 10), swatch);
            item.setDataset(dataset);
            item.setDatasetIndex(datasetIndex);
            item.setSeriesKey(dataset.getSeriesKey(series));
            item.setSeriesIndex(series);
            return item;
        }
    }

    private static void includeReferenceLines(NumberAxis axis, List<HorizontalLine> lines, boolean hasData) {
        if (lines.isEmpty() || !hasData) {
            return;
        }
        Range auto = axis.getRange();
        double lo = auto.getLowerBound();
        double hi = auto.getUpperBound();
        double highestLine = Double.NEGATIVE_INFINITY;
        for (HorizontalLine line : lines) {
            lo = Math.min(lo, line.value());
            highestLine = Math.max(highestLine, line.value());
        }
        double span = Math.max(hi, highestLine) - lo;
        double headroom = span > 0 ? span * 0.08 : 1.0;
        if (lo < auto.getLowerBound()) {
            lo -= headroom / 2;
        }
        hi = Math.max(hi, highestLine + headroom);
        if (lo != auto.getLowerBound() || hi != auto.getUpperBound()) {
            axis.setRange(lo, hi);
        }
    }

    private static boolean labelsCrowded(List<String> categories, int width, double margin) {
        if (categories.isEmpty()) {
            return false;
        }
        // The plot area is about the width less 180 units of axis and margins, and the category margin takes its
        // share between categories; a label may take two lines, but a word cannot be split.
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        int longestWord = categories.stream().flatMap(c -> Arrays.stream(c.split("\\s+")))
                .mapToInt(String::length).max().orElse(0);
        double slot = (width - 180.0) * (1 - margin) / categories.size();
        return Math.max(longest * 7.0 / 2, longestWord * 7.0) + 8.0 > slot;
    }

    private static Shape marker(int index) {
        double s = SHAPE_SIZE;
        double h = s / 2.0;
        return switch (index % 4) {
            case 0 -> new Ellipse2D.Double(-h, -h, s, s);
            case 1 -> new Rectangle2D.Double(-h * 0.9, -h * 0.9, s * 0.9, s * 0.9);
            case 2 -> polygon(new double[] {0, h, -h}, new double[] {-h, h, h});
            default -> polygon(new double[] {0, h, 0, -h}, new double[] {-h, 0, h, 0});
        };
    }

    private static Shape polygon(double[] xs, double[] ys) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        p.closePath();
        return p;
    }

    private static Color colour(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    private static TickUnits dateTickUnits() {
        DateFormat withTime = new SimpleDateFormat("dd/MM HH:mm", Locale.ROOT);
        withTime.setTimeZone(DISPLAY_ZONE);
        DateFormat dateOnly = new SimpleDateFormat("dd/MM/yyyy", Locale.ROOT);
        dateOnly.setTimeZone(DISPLAY_ZONE);
        TickUnits units = new TickUnits();
        for (int m : new int[] {1, 5, 10, 15, 30}) {
            units.add(new DateTickUnit(DateTickUnitType.MINUTE, m, withTime));
        }
        for (int h : new int[] {1, 2, 3, 6, 12}) {
            units.add(new DateTickUnit(DateTickUnitType.HOUR, h, withTime));
        }
        for (int d : new int[] {1, 2, 7, 14}) {
            units.add(new DateTickUnit(DateTickUnitType.DAY, d, dateOnly));
        }
        for (int m : new int[] {1, 2, 3, 6}) {
            units.add(new DateTickUnit(DateTickUnitType.MONTH, m, dateOnly));
        }
        for (int y : new int[] {1, 2, 5, 10, 20, 50, 100}) {
            units.add(new DateTickUnit(DateTickUnitType.YEAR, y, dateOnly));
        }
        return units;
    }

    private static NumberAxis valueAxis(String label) {
        NumberAxis axis = new NumberAxis(emptyToNull(label));
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('\u202F'); // narrow no-break space: unambiguous in French and English
        symbols.setMinusSign('\u2212');
        DecimalFormat format = new DecimalFormat("#,##0.######", symbols);
        axis.setStandardTickUnits(new NumberTickUnitSource(false, format));
        styleAxis(axis);
        return axis;
    }

    /** Whether values are counts: every finite one a whole number, as a number of faults or buildings. */
    static boolean counts(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v) && v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    /** Ticks at whole numbers only (no "0.5 faults"), in the value axis's format. */
    private static void integerTicks(NumberAxis axis) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('\u202F');
        symbols.setMinusSign('\u2212');
        axis.setStandardTickUnits(new NumberTickUnitSource(true, new DecimalFormat("#,##0", symbols)));
    }

    private static void styleAxis(Axis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(MUTED_TEXT);
        axis.setAxisLinePaint(AXIS_LINE);
        axis.setTickMarkPaint(AXIS_LINE);
        axis.setTickMarkOutsideLength(3f);
        axis.setTickMarkInsideLength(0f);
        if (axis instanceof ValueAxis value) {
            value.setMinorTickMarksVisible(false);
        }
    }

    private static void styleXYPlot(XYPlot plot) {
        styleAxis(plot.getDomainAxis());
        plot.getDomainAxis().setLabelFont(plot.getDomainAxis() instanceof DateAxis ? TICK_FONT : LABEL_FONT);
        plot.getDomainAxis().setLabelPaint(plot.getDomainAxis() instanceof DateAxis ? MUTED_TEXT : TEXT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        Stroke grid = new BasicStroke(0.8f);
        plot.setDomainGridlineStroke(grid);
        plot.setRangeGridlineStroke(grid);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        styleNoData(plot);
    }

    private static void styleNoData(Plot plot) {
        plot.setNoDataMessage(NO_DATA);
        plot.setNoDataMessageFont(NO_DATA_FONT);
        plot.setNoDataMessagePaint(MUTED_TEXT);
    }

    private static JFreeChart chart(String title, Plot plot, double rightPadding) {
        JFreeChart chart = new JFreeChart(null, TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(6, 8, 4, rightPadding));
        String cleanTitle = clean(title);
        if (!cleanTitle.isEmpty()) {
            TextTitle textTitle = new TextTitle(cleanTitle, TITLE_FONT);
            textTitle.setPaint(TEXT);
            textTitle.setHorizontalAlignment(HorizontalAlignment.LEFT);
            textTitle.setMaximumLinesToDisplay(2);
            textTitle.setPadding(new RectangleInsets(2, 4, 8, 4));
            chart.setTitle(textTitle);
        }
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LEGEND_FONT);
        legend.setItemPaint(TEXT);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        legend.setMargin(new RectangleInsets(6, 0, 0, 0));
        return chart;
    }

    // ------------------------------------------------------------------------------------------
    // SVG output
    // ------------------------------------------------------------------------------------------

    private static String render(JFreeChart chart, String title, int width, int height) {
        SVGGraphics2D g = canvas(width, height);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return finish(g, title, width, height);
    }

    /** A drawing surface writing the charts' SVG: their fonts, two-decimal coordinates, placeholder ids. */
    static SVGGraphics2D canvas(int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(DEFS_PLACEHOLDER);
        g.setFontFunction(family -> FONT_STACK);
        DoubleFunction<String> geometry = SvgCharts::twoDecimals;
        g.setGeomDoubleConverter(geometry);
        return g;
    }

    /** The {@code <svg>} element drawn on a {@link #canvas}: scalable, ids unique to its content, labelled. */
    static String finish(SVGGraphics2D g, String title, int width, int height) {
        String svg = g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);

        String prefix = "ecw" + HexFormat.of().formatHex(sha256(svg), 0, 6) + "-";
        svg = svg.replace("id='" + DEFS_PLACEHOLDER, "id='" + prefix)
                 .replace("url(#" + DEFS_PLACEHOLDER, "url(#" + prefix);

        String label = clean(title);
        String accessibility = label.isEmpty()
                ? " role='img'"
                : " role='img' aria-label='" + HtmlPage.escape(label) + "'";
        return "<svg" + accessibility + svg.substring("<svg".length());
    }

    private static String twoDecimals(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.toPlainString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Removes characters that XML 1.0 does not allow, so that any label yields well-formed SVG. */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (allowed) {
                sb.appendCodePoint(cp == 0x9 || cp == 0xA || cp == 0xD ? ' ' : cp);
            }
        });
        return sb.toString();
    }

    private static String emptyToNull(String label) {
        String cleaned = clean(label);
        return cleaned.isBlank() ? null : cleaned;
    }

    // ------------------------------------------------------------------------------------------
    // Validation
    // ------------------------------------------------------------------------------------------

    private static void requireName(String name, String type) {
        if (name == null) {
            throw new IllegalArgumentException(type + ": name must not be null");
        }
    }

    private static void requireTitle(String title, String type) {
        if (title == null) {
            throw new IllegalArgumentException(type + ": title must not be null (use \"\" for no title)");
        }
    }

    private static void requireArray(Object array, String type, String name, String field) {
        if (array == null) {
            throw new IllegalArgumentException(type + " '" + name + "': " + field + " must not be null");
        }
    }

    private static void requireSameLength(String type, String name, String firstField, int first,
                                          String secondField, int second) {
        if (first != second) {
            throw new IllegalArgumentException(type + " '" + name + "': " + firstField + " has " + first
                    + " elements but " + secondField + " has " + second + "; they must have the same length");
        }
    }

    private static <T> List<T> requireList(List<T> list, String type, String field, boolean nullMeansEmpty) {
        if (list == null) {
            if (nullMeansEmpty) {
                return List.of();
            }
            throw new IllegalArgumentException(type + ": " + field + " must not be null (use an empty list)");
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(type + ": " + field + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(list);
    }

    private static void requireUniqueNames(String type, String field, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException(type + ": " + field + " names must be unique, '"
                        + name + "' appears more than once");
            }
        }
    }

    private static void requireSize(String type, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(type + ": width and height must be > 0, got "
                    + width + "x" + height);
        }
    }
}
