package io.srgrn.bench.report;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV text: fields with a comma, quote or line break are quoted, quotes doubled. */
public final class Csv {
    private Csv() {}

    public static String line(List<?> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(String.valueOf(fields.get(i))));
        }
        return sb.append('\n').toString();
    }

    public static String field(String value) {
        if (value.indexOf(',') < 0
                && value.indexOf('"') < 0
                && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** The table as CSV: the header line, then one line per row. */
    public static String of(MarkdownTable table) {
        StringBuilder sb = new StringBuilder(line(table.headers()));
        for (List<String> row : table.rows()) {
            sb.append(line(row));
        }
        return sb.toString();
    }

    /**
     * The fields of one CSV line (no line breaks inside fields): quoted fields may hold commas and
     * doubled quotes. An unterminated quote or text after a closing quote is refused.
     */
    public static List<String> parseLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                int j = i + 1;
                while (true) {
                    if (j >= line.length()) {
                        throw new IllegalArgumentException(
                                "unterminated quote in field " + (fields.size() + 1));
                    }
                    char c = line.charAt(j);
                    if (c == '"' && j + 1 < line.length() && line.charAt(j + 1) == '"') {
                        field.append('"');
                        j += 2;
                    } else if (c == '"') {
                        j++;
                        break;
                    } else {
                        field.append(c);
                        j++;
                    }
                }
                if (j < line.length() && line.charAt(j) != ',') {
                    throw new IllegalArgumentException(
                            "text after the closing quote of field " + (fields.size() + 1));
                }
                i = j;
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? line.length() : comma;
                field.append(line, i, end);
                i = end;
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }
}
