package com.imprimatur.web.reports;

import com.imprimatur.reports.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A figure drawn as a horizontal bar chart in SVG, laid out here so the template only places
 * shapes: no script and no inline style (the Content-Security-Policy allows neither). Colours come
 * from the stylesheet by series ({@code series-0}, {@code series-1}, …); each bar also carries its
 * value in words, and the chart a title and a description (its text alternative) besides the table.
 */
record BarChart(String id, String title, String description, int width, int height, List<Row> rows, List<Tick> ticks,
        List<Legend> legend, int plotLeft, int plotBottom) {

    private static final int WIDTH = 780;
    private static final int LABEL_WIDTH = 310;
    private static final int VALUE_WIDTH = 70;
    private static final int ROW_HEIGHT = 24;
    private static final int TOP = 8;
    private static final int AXIS = 22;
    private static final int LEGEND_ROW = 22;

    record Segment(double x, double width, String cssClass, String text) {
    }

    record Row(String label, double y, double textY, List<Segment> segments, double valueX, String value) {
    }

    record Tick(double x, String label) {
    }

    record Legend(double x, double y, String cssClass, String label) {
    }

    static BarChart of(Figure figure) {
        double max = figure.bars().stream().mapToDouble(Figure.Bar::total).max().orElse(0);
        double scaleMax = niceCeiling(max);
        int plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        List<Row> rows = new ArrayList<>();
        double y = TOP;
        for (Figure.Bar bar : figure.bars()) {
            List<Segment> segments = new ArrayList<>();
            double x = LABEL_WIDTH;
            for (int s = 0; s < bar.values().size(); s++) {
                double value = bar.values().get(s);
                if (value <= 0) {
                    continue;
                }
                double w = scaleMax == 0 ? 0 : value / scaleMax * plotWidth;
                segments.add(new Segment(x, w, "series-" + s, figure.legend().get(s) + ": " + number(value) + " " + figure.unit()));
                x += w;
            }
            rows.add(new Row(bar.label(), y + 3, y + ROW_HEIGHT / 2d + 5, segments, x + 6, number(bar.total())));
            y += ROW_HEIGHT;
        }
        int plotBottom = (int) y + 4;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double tick = scaleMax * i / 4;
            ticks.add(new Tick(LABEL_WIDTH + plotWidth * i / 4d, tick == Math.rint(tick) ? number(tick)
                    : String.format(Locale.ROOT, "%.2f", tick).replaceAll("0$", "")));
        }
        List<Legend> legend = new ArrayList<>();
        double legendY = plotBottom + AXIS + 6;
        if (figure.legend().size() > 1) {
            double lx = LABEL_WIDTH;
            for (int s = 0; s < figure.legend().size(); s++) {
                legend.add(new Legend(lx, legendY, "series-" + s, figure.legend().get(s)));
                lx += 24 + figure.legend().get(s).length() * 7.5;
            }
        }
        int height = plotBottom + AXIS + (legend.isEmpty() ? 0 : LEGEND_ROW + 6);
        return new BarChart(figure.id(), figure.title(), description(figure), WIDTH, height, rows, ticks, legend, LABEL_WIDTH, plotBottom);
    }

    /** The chart in words: what it shows and every bar's value, for those who cannot see it. */
    private static String description(Figure figure) {
        StringBuilder words = new StringBuilder("Bar chart. ").append(figure.explanation()).append(' ');
        List<String> parts = new ArrayList<>();
        for (Figure.Bar bar : figure.bars()) {
            List<String> values = new ArrayList<>();
            for (int s = 0; s < bar.values().size(); s++) {
                values.add(figure.legend().size() > 1 ? figure.legend().get(s) + " " + number(bar.values().get(s))
                        : number(bar.values().get(s)));
            }
            parts.add(bar.label() + ": " + String.join(", ", values));
        }
        return words.append(String.join("; ", parts)).append('.').toString();
    }

    /** The smallest of 1, 2, 2.5, 5 × 10^n at or above the value (at least 1), so the axis has round ticks. */
    private static double niceCeiling(double max) {
        if (max <= 1) {
            return max <= 0 ? 1 : 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
