package org.hessianscope.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionary at the start of a {@code .npy} file, e.g.
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }}. Parsed by
 * a small strict parser for the subset of Python literals NumPy writes (strings,
 * True/False, tuples of integers), never by evaluating anything.
 */
record NpyHeader(String descr, boolean fortranOrder, int[] shape) {

    /** numpy.lib.format's {@code ARRAY_ALIGN}: the header is padded so the data starts at a multiple of 64. */
    static final int ALIGN = 64;

    /** The header dict exactly as NumPy's {@code _write_array_header} writes it, before padding. */
    String toDictText() {
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append("), }").toString();
    }

    /** Parses the header text; {@code where} prefixes every error message. */
    static NpyHeader parse(String text, String where) throws NpyFormatException {
        return new Parser(text, where).header();
    }

    private static final class Parser {
        private final String s;
        private final String where;
        private int pos;

        Parser(String s, String where) {
            this.s = s;
            this.where = where;
        }

        NpyHeader header() throws NpyFormatException {
            Map<String, Object> dict = new HashMap<>();
            skipSpace();
            expect('{');
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    break;
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                Object value = value(key);
                if (dict.put(key, value) != null) {
                    throw error("key '" + key + "' appears twice");
                }
                skipSpace();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c != '}') {
                    throw error("expected ',' or '}' at position " + pos);
                }
            }
            skipSpace();
            if (pos != s.length()) {
                throw error("unexpected text after the header dict at position " + pos);
            }
            for (String key : dict.keySet()) {
                if (!key.equals("descr") && !key.equals("fortran_order") && !key.equals("shape")) {
                    throw error("unknown key '" + key + "'; valid keys: descr, fortran_order, shape");
                }
            }
            Object descr = required(dict, "descr");
            Object fortran = required(dict, "fortran_order");
            Object shape = required(dict, "shape");
            if (!(descr instanceof String d)) {
                throw error("'descr' is " + describe(descr) + "; structured dtypes are not supported, valid: "
                        + NpyDtype.validDescrs());
            }
            if (!(fortran instanceof Boolean f)) {
                throw error("'fortran_order' is " + describe(fortran) + "; valid: True, False");
            }
            if (!(shape instanceof int[] dims)) {
                throw error("'shape' is " + describe(shape) + "; it must be a tuple of whole numbers");
            }
            return new NpyHeader(d, f, dims);
        }

        private Object required(Map<String, Object> dict, String key) throws NpyFormatException {
            Object v = dict.get(key);
            if (v == null) {
                throw error("key '" + key + "' is missing; a header needs descr, fortran_order and shape");
            }
            return v;
        }

        private Object value(String key) throws NpyFormatException {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(' || c == '[') {
                return tuple(c == '(' ? ')' : ']', key);
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw error("value of '" + key + "' at position " + pos + " is not a string, True/False or a tuple");
        }

        private int[] tuple(char close, String key) throws NpyFormatException {
            pos++;
            List<Integer> dims = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == close) {
                    pos++;
                    break;
                }
                if (peek() == '(' || peek() == '[' || peek() == '\'' || peek() == '"') {
                    throw error("'" + key + "' holds a nested value; only a tuple of whole numbers is supported");
                }
                dims.add(integer(key));
                skipSpace();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c != close) {
                    throw error("expected ',' or '" + close + "' in '" + key + "' at position " + pos);
                }
            }
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        private int integer(String key) throws NpyFormatException {
            int start = pos;
            long v = 0;
            while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128) {
                v = v * 10 + (s.charAt(pos) - '0');
                if (v > Integer.MAX_VALUE) {
                    throw error("dimension in '" + key + "' is larger than " + Integer.MAX_VALUE);
                }
                pos++;
            }
            if (pos == start) {
                throw error("expected a non-negative whole number in '" + key + "' at position " + pos);
            }
            if (pos < s.length() && s.charAt(pos) == 'L') {
                pos++; // Python 2 long suffix, still written by old NumPy
            }
            return (int) v;
        }

        private String string() throws NpyFormatException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected a quoted key at position " + pos);
            }
            int end = s.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("unterminated string at position " + pos);
            }
            String v = s.substring(pos + 1, end);
            if (v.indexOf('\\') >= 0) {
                throw error("escapes in strings are not supported (at position " + pos + ")");
            }
            pos = end + 1;
            return v;
        }

        private void expect(char c) throws NpyFormatException {
            if (peek() != c) {
                throw error("expected '" + c + "' at position " + pos);
            }
            pos++;
        }

        private char peek() throws NpyFormatException {
            if (pos >= s.length()) {
                throw error("the header dict ends early");
            }
            return s.charAt(pos);
        }

        private void skipSpace() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\n' || s.charAt(pos) == '\t'
                    || s.charAt(pos) == '\r')) {
                pos++;
            }
        }

        private NpyFormatException error(String what) {
            // what quotes keys and values read from the header, which may hold control characters too.
            return new NpyFormatException(where + ": bad .npy header: " + BoundedText.printable(what, 300)
                    + " (header: " + abbreviate(s) + ")");
        }

        private static String describe(Object v) {
            if (v instanceof int[] a) {
                return "the tuple " + Arrays.toString(a);
            }
            return v instanceof String ? "'" + v + "'" : String.valueOf(v);
        }

        /** The header for the message: control characters escaped (a header holds a newline), at most 120. */
        private static String abbreviate(String text) {
            return BoundedText.printable(text.strip(), 120);
        }
    }
}
