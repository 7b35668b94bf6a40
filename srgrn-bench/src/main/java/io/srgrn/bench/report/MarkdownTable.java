package io.srgrn.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A GitHub-flavoured Markdown table, padded so that it also reads well as plain text. Cells are
 * escaped ({@code |} becomes {@code \|}); columns can be right-aligned for numbers.
 */
public final class MarkdownTable {
    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... headers) {
        this(List.of(headers));
    }

    public MarkdownTable(List<String> headers) {
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.headers = List.copyOf(headers);
        this.rightAligned = new boolean[headers.size()];
    }

    /** Right-aligns the given columns (0-based), the convention for numbers. */
    public MarkdownTable alignRight(int... columns) {
        for (int c : columns) {
            Objects.checkIndex(c, rightAligned.length);
            rightAligned[c] = true;
        }
        return this;
    }

    public MarkdownTable row(Object... cells) {
        return row(Arrays.stream(cells).map(String::valueOf).toList());
    }

    public MarkdownTable row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(
                    "row has "
                            + cells.size()
                            + " cells but the table has "
                            + headers.size()
                            + " columns "
                            + headers
                            + ": "
                            + cells);
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public List<String> headers() {
        return headers;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** The table, one line per row, ending with a newline. */
    public String render() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(3, escape(headers.get(c)).length());
            for (List<String> r : rows) {
                widths[c] = Math.max(widths[c], escape(r.get(c)).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers, widths);
        sb.append('|');
        for (int c = 0; c < widths.length; c++) {
            sb.append(' ');
            sb.append("-".repeat(widths[c] - (rightAligned[c] ? 1 : 0)));
            if (rightAligned[c]) {
                sb.append(':');
            }
            sb.append(" |");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            line(sb, r, widths);
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, List<String> cells, int[] widths) {
        sb.append('|');
        for (int c = 0; c < widths.length; c++) {
            String cell = escape(cells.get(c));
            String pad = " ".repeat(widths[c] - cell.length());
            sb.append(' ').append(rightAligned[c] ? pad + cell : cell + pad).append(" |");
        }
        sb.append('\n');
    }

    private static String escape(String cell) {
        return cell.replace("\n", " ").replace("|", "\\|");
    }

    @Override
    public String toString() {
        return render();
    }
}
