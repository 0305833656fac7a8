package org.camelevolink.component.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;

/** How request values are read as JSON numbers, so "2" (a string) and 2.0 (a float) are not taken for 2. */
final class Numbers {

    private Numbers() {
    }

    /** The value of a whole-number type (Integer, Long, Short, Byte, BigInteger), or null. */
    static BigInteger whole(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        return value instanceof BigInteger b ? b : null;
    }

    /** The value of any finite number, or null. */
    static BigDecimal any(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        BigInteger w = whole(value);
        if (w != null) {
            return new BigDecimal(w);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return null;
    }

    /** A value as written in an error: strings quoted, so "2" and 2 differ. */
    static String show(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    /**
     * A number as written in an error: plain digits, unless that would take more than a few dozen of them
     * (1E+999999999 would be a billion characters).
     */
    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return Math.abs(s.scale()) <= 40 ? s.toPlainString() : s.toString();
    }

    static String plain(Double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
