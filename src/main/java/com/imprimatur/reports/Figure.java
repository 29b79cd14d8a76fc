package com.imprimatur.reports;

import java.util.List;

/**
 * One figure of the reports page: its table (what a screen reader and the CSV download get) and the
 * bars to draw from it. Each bar row has one segment per series (stacked), and the series are named
 * in the legend, in order.
 */
public record Figure(String id, String title, String explanation, List<String> columns, List<List<String>> rows,
        List<String> legend, List<Bar> bars, String unit) {

    /** One bar: its label and a value per series. */
    public record Bar(String label, List<Double> values) {

        public double total() {
            return values.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** The figure as CSV (RFC 4180), the columns first; a cell a spreadsheet would run as a formula is quoted as text. */
    public String csv() {
        StringBuilder csv = new StringBuilder();
        line(csv, columns);
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = '"' + cell.replace("\"", "\"\"") + '"';
            }
            csv.append(cell);
        }
        csv.append("\r\n");
    }
}
