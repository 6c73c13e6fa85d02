package org.hessianscope.task;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting of an options record is out of range. The message names each setting by its
 * record component in braces, {@code "{top} is 0; ask for at least 1 eigenvalue"}, so the core
 * speaks in its own words ({@link #getMessage}: "top is 0; …") while a front end renders the
 * names as its users know them ({@link #describe}: the CLI's "--top is 0; …").
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final Pattern NAME = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(?:\\|([^}]*))?}");
    private final String template;

    /** {@code template} names settings as {@code {component}}. */
    public InvalidSettingException(String template) {
        super(render(template, UnaryOperator.identity()));
        this.template = template;
    }

    /** The message with every setting named by {@code name} (a name it does not know it returns unchanged). */
    public String describe(UnaryOperator<String> name) {
        return render(template, name);
    }

    /** Renders {@code {component}} and {@code {component|words}}; a component {@code name} leaves as it is shows its words. */
    static String render(String template, UnaryOperator<String> name) {
        Matcher m = NAME.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String named = name.apply(m.group(1));
            String shown = named.equals(m.group(1)) && m.group(2) != null ? m.group(2) : named;
            m.appendReplacement(sb, Matcher.quoteReplacement(shown));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
