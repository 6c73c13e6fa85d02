package org.hessianscope.figure;

import java.awt.Font;
import java.awt.font.TextAttribute;
import java.text.AttributedString;

/**
 * Writes the subscripts of a label as subscript characters: "|L_{k+1} − L_k|" becomes
 * "|Lₖ₊₁ − Lₖ|" on screen and in exports. Only subscripts every character of which has a
 * Unicode subscript form are changed; others ("H_O", "‖H_F,i‖") stay as typed, and the
 * CSV headers, which are data, keep the plain form.
 */
public final class Subscripts {
    private static final String PLAIN = "0123456789+-−=()aehijklmnoprstuvx";
    private static final String SUB = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ";

    private Subscripts() {
    }

    public static String render(String label) {
        if (label == null || label.indexOf('_') < 0) {
            return label;
        }
        StringBuilder out = new StringBuilder(label.length());
        int i = 0;
        while (i < label.length()) {
            char c = label.charAt(i);
            if (c == '_' && i + 1 < label.length()) {
                int end;
                String body;
                if (label.charAt(i + 1) == '{') {
                    end = label.indexOf('}', i + 2);
                    body = end < 0 ? null : label.substring(i + 2, end);
                    end++;
                } else {
                    end = i + 2;
                    body = label.substring(i + 1, end);
                }
                String sub = body == null ? null : subscript(body);
                if (sub != null) {
                    out.append(sub);
                    i = end;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * The label with its subscript markers removed and the subscripts lowered and set smaller, in
     * {@code font}: for axis labels, where any letter can be a subscript ("H_O"). The axis keeps its
     * plain label, which the CSV export writes as a column header.
     */
    public static AttributedString attributed(String label, Font font) {
        StringBuilder text = new StringBuilder(label.length());
        java.util.List<int[]> lowered = new java.util.ArrayList<>();
        int i = 0;
        while (i < label.length()) {
            char c = label.charAt(i);
            if (c == '_' && i + 1 < label.length()) {
                String body;
                int end;
                if (label.charAt(i + 1) == '{' && label.indexOf('}', i + 2) > i + 2) {
                    end = label.indexOf('}', i + 2);
                    body = label.substring(i + 2, end);
                    end++;
                } else {
                    body = label.substring(i + 1, i + 2);
                    end = i + 2;
                }
                lowered.add(new int[] {text.length(), text.length() + body.length()});
                text.append(body);
                i = end;
                continue;
            }
            text.append(c);
            i++;
        }
        AttributedString s = new AttributedString(text.toString());
        s.addAttributes(font.getAttributes(), 0, text.length());
        for (int[] r : lowered) {
            s.addAttribute(TextAttribute.SUPERSCRIPT, TextAttribute.SUPERSCRIPT_SUB, r[0], r[1]);
        }
        return s;
    }

    /** {@code body} in subscript characters, or null when one of them has none. */
    private static String subscript(String body) {
        if (body.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder(body.length());
        for (char c : body.toCharArray()) {
            int at = PLAIN.indexOf(c);
            if (at < 0) {
                return null;
            }
            s.append(SUB.charAt(at));
        }
        return s.toString();
    }
}
