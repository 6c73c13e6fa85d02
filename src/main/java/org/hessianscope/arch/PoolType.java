package org.hessianscope.arch;

import java.util.Locale;

public enum PoolType {
    MAX, AVG;

    /** The name used in spec JSON and on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PoolType fromKey(String field, String key) {
        for (PoolType t : values()) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        throw new SpecException(field + " = \"" + key + "\" is not a pool type; valid: \"max\", \"avg\"");
    }
}
