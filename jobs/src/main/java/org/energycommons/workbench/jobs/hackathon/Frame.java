package org.energycommons.workbench.jobs.hackathon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small typed table held on the driver: what a task reads from the lake and what a pack writes as CSV.
 *
 * <p>Cells are {@code String} (also dates {@code yyyy-MM-dd} and UTC times {@code yyyy-MM-ddTHH:mm:ssZ}),
 * {@code Long} or {@code Double}; null is an empty cell. Rows are {@code Object[]} in column order.
 */
public final class Frame {

    /** A column's type, as the task card names it. */
    public enum Type {
        /** Text. */
        STRING("string"),
        /** Whole number (flags are 0/1 integers). */
        INTEGER("integer"),
        /** Decimal number. */
        NUMBER("number"),
        /** Local date, {@code yyyy-MM-dd}. */
        DATE("date"),
        /** UTC instant, {@code yyyy-MM-ddTHH:mm:ssZ}. */
        DATETIME("datetime");

        private final String cardName;

        Type(String cardName) {
            this.cardName = cardName;
        }

        /** The name in a task card and a Table Schema. */
        public String cardName() {
            return cardName;
        }
    }

    private final List<Field> fields;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<Object[]> rows = new ArrayList<>();

    /** An empty frame with these fields. */
    public Frame(List<Field> fields) {
        this.fields = List.copyOf(fields);
        for (int i = 0; i < this.fields.size(); i++) {
            if (index.put(this.fields.get(i).name(), i) != null) {
                throw new IllegalArgumentException("duplicate column " + this.fields.get(i).name());
            }
        }
    }

    /** An empty frame with the dictionary's fields of these names ({@link Fields#of}). */
    public static Frame of(List<String> names) {
        return new Frame(names.stream().map(Fields::of).toList());
    }

    /** The fields, in order. */
    public List<Field> fields() {
        return fields;
    }

    /** The column names, in order. */
    public List<String> names() {
        return fields.stream().map(Field::name).toList();
    }

    /** Whether the frame has this column. */
    public boolean has(String name) {
        return index.containsKey(name);
    }

    /** The position of a column; fails naming it when absent. */
    public int col(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalStateException("no column " + name + " among " + names());
        }
        return i;
    }

    /** The rows (live list). */
    public List<Object[]> rows() {
        return rows;
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    /** Appends a row of values in column order; checks its width and the cells' Java types. */
    public Frame add(Object... values) {
        if (values.length != fields.size()) {
            throw new IllegalArgumentException("row of " + values.length + " values for " + fields.size()
                    + " columns " + names());
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = conform(fields.get(i), values[i]);
        }
        rows.add(values);
        return this;
    }

    private static Object conform(Field f, Object v) {
        if (v == null) {
            return null;
        }
        return switch (f.type()) {
            case INTEGER -> {
                if (v instanceof Boolean b) {
                    yield b ? 1L : 0L;
                }
                if (v instanceof Number n) {
                    yield n.longValue();
                }
                throw new IllegalArgumentException(f.name() + ": not an integer: " + v);
            }
            case NUMBER -> {
                if (v instanceof Number n) {
                    // Rounded as written: what a baseline computes from a frame is what a team gets from the file.
                    double d = f.decimals() < 0 ? n.doubleValue() : Csv.rounded(n.doubleValue(), f.decimals());
                    yield Double.isFinite(d) ? d : null;
                }
                throw new IllegalArgumentException(f.name() + ": not a number: " + v);
            }
            default -> v.toString();
        };
    }

    /** Sorts the rows in place by the given columns (nulls first), ascending. */
    public Frame sortBy(String... columns) {
        Comparator<Object[]> order = null;
        for (String c : columns) {
            int i = col(c);
            Comparator<Object[]> one = (a, b) -> compare(a[i], b[i]);
            order = order == null ? one : order.thenComparing(one);
        }
        if (order != null) {
            rows.sort(order);
        }
        return this;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return ((Comparable) a).compareTo(b);
    }

    /** One cell. */
    public Object get(Object[] row, String column) {
        return row[col(column)];
    }

    /** A numeric cell as a double (NaN when null). */
    public double num(Object[] row, String column) {
        Object v = row[col(column)];
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    /** A text cell (null when null). */
    public String str(Object[] row, String column) {
        Object v = row[col(column)];
        return v == null ? null : v.toString();
    }

    /** An unmodifiable view of the rows. */
    public List<Object[]> view() {
        return Collections.unmodifiableList(rows);
    }

    /**
     * A column of a pack file: name, type, decimals written (numbers; negative: kept as read, for the lake's
     * columns), unit, and what it holds in French and English.
     */
    public record Field(String name, Type type, int decimals, String unit, String fr, String en) {
        /** Checks the name and the type. */
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }
}
