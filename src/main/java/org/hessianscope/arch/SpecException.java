package org.hessianscope.arch;

/**
 * An architecture spec that cannot describe a network. The message names the
 * field or layer and the sizes involved, so that a user can correct it.
 */
public final class SpecException extends IllegalArgumentException {
    public SpecException(String message) {
        super(message);
    }
}
