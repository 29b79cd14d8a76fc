package com.imprimatur.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A shortest edit script between two sequences of ids (Myers' greedy algorithm, "An O(ND)
 * difference algorithm", 1986) that gives up when it would cost more than a budget: Myers costs
 * (N+M)·D in the worst case, so two long and very different texts would otherwise cost their
 * lengths multiplied. The common start and end are matched first, outside the budget (that work
 * is linear), and counted apart. Past the budget, everything between them counts as changed.
 */
final class EditScript {

    /** The work a diff may do: budgeted steps (Myers' probes and diagonal moves) and linear steps, counted. */
    static final class Budget {
        private long left;
        private long spent;
        private long linear;

        Budget(long steps) {
            this.left = steps;
        }

        /** False once the budget is overspent. */
        boolean spend(long steps) {
            left -= steps;
            spent += steps;
            return left >= 0;
        }

        void linear(long steps) {
            linear += steps;
        }

        boolean exhausted() {
            return left < 0;
        }

        /** Every step taken so far, budgeted or not: what tests compare between input sizes. */
        long work() {
            return spent + linear;
        }
    }

    private EditScript() {
    }

    /** The same for texts, compared by equality. */
    static boolean compare(List<String> a, List<String> b, boolean[] deleted, boolean[] inserted, Budget budget) {
        Map<String, Integer> ids = new HashMap<>();
        budget.linear(a.size() + b.size());
        return compare(ids(a, ids), ids(b, ids), deleted, inserted, budget);
    }

    /**
     * Marks which items of {@code a} are deleted and which of {@code b} are inserted (the rest are
     * kept, in order). True for a shortest script; false when that would cost more than the budget
     * left, and then everything between the common start and end is marked.
     */
    static boolean compare(int[] a, int[] b, boolean[] deleted, boolean[] inserted, Budget budget) {
        int n = a.length;
        int m = b.length;
        int start = 0;
        while (start < n && start < m && a[start] == b[start]) {
            start++;
        }
        int endA = n;
        int endB = m;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) {
            endA--;
            endB--;
        }
        budget.linear(start + (n - endA) + 1);
        int rows = endA - start;
        int columns = endB - start;
        if (rows == 0 || columns == 0) {
            mark(deleted, start, endA);
            mark(inserted, start, endB);
            return true;
        }
        List<int[]> trace = new ArrayList<>();
        // each round d costs at least d + 1 probes, so the budget bounds d, and with it v and the trace
        int most = (int) Math.min(rows + columns, (long) Math.sqrt(2.0 * Math.max(0, budget.left)) + 2);
        int[] v = new int[2 * most + 3];
        int offset = most + 1;
        for (int d = 0; d <= most; d++) {
            if (!budget.spend(d + 1)) {
                break;
            }
            for (int k = -d; k <= d; k += 2) {
                int x = d == 0 ? 0 : k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int y = x - k;
                int from = x;
                while (x < rows && y < columns && a[start + x] == b[start + y]) {
                    x++;
                    y++;
                }
                if (!budget.spend(x - from)) {
                    break;
                }
                v[offset + k] = x;
                if (x >= rows && y >= columns) {
                    trace.add(row(v, offset, d));
                    backtrack(trace, d, rows, columns, start, deleted, inserted);
                    return true;
                }
            }
            if (budget.exhausted()) {
                break;
            }
            trace.add(row(v, offset, d));
        }
        mark(deleted, start, endA);
        mark(inserted, start, endB);
        return false;
    }

    private static int[] ids(List<String> items, Map<String, Integer> ids) {
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(items.get(i), item -> ids.size());
        }
        return out;
    }

    /** The furthest x of each diagonal k = -d, -d+2, …, d after round d. */
    private static int[] row(int[] v, int offset, int d) {
        int[] row = new int[d + 1];
        for (int k = -d; k <= d; k += 2) {
            row[(k + d) / 2] = v[offset + k];
        }
        return row;
    }

    private static void backtrack(List<int[]> trace, int rounds, int rows, int columns, int start,
            boolean[] deleted, boolean[] inserted) {
        int x = rows;
        int y = columns;
        for (int d = rounds; d > 0; d--) {
            int[] previous = trace.get(d - 1);
            int k = x - y;
            boolean down = k == -d || (k != d && previous[(k - 1 + d - 1) / 2] < previous[(k + 1 + d - 1) / 2]);
            int previousK = down ? k + 1 : k - 1;
            int previousX = previous[(previousK + d - 1) / 2];
            int previousY = previousX - previousK;
            if (down) {
                inserted[start + previousY] = true;
            } else {
                deleted[start + previousX] = true;
            }
            x = previousX;
            y = previousY;
        }
    }

    private static void mark(boolean[] flags, int from, int to) {
        for (int i = from; i < to; i++) {
            flags[i] = true;
        }
    }
}
