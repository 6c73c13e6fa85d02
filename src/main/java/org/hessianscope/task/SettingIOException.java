package org.hessianscope.task;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * An input could not be read where a setting points (a data folder that is missing or lacks a
 * dataset). Like {@link InvalidSettingException} the message names the setting in braces, here
 * with the core's words after a bar, {@code "{dataDir|the data folder} /d does not exist"}: the
 * core says "the data folder /d does not exist" ({@link #getMessage}), a front end names the
 * setting as its users know it ({@link #describe}: the CLI's "--data-dir /d does not exist").
 */
public final class SettingIOException extends IOException {
    private final String template;

    /** {@code template} names settings as {@code {component|words}} (or {@code {component}}). */
    public SettingIOException(String template) {
        super(InvalidSettingException.render(template, UnaryOperator.identity()));
        this.template = template;
    }

    /** The message with every setting named by {@code name}; a name it does not know keeps the core's words. */
    public String describe(UnaryOperator<String> name) {
        return InvalidSettingException.render(template, name);
    }
}
