package org.hessianscope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A notification's text is wrapped so that ControlsFX, which sizes it to its longest line, keeps it in the corner. */
class JobNotificationsTest {
    @Test
    void linesBreakAtSpacesBeforeTheWidth() {
        assertEquals("aaa bb\ncc d", JobNotifications.wrap("aaa bb cc d", 6));
        assertEquals("aaa\nbb", JobNotifications.wrap("aaa bb", 5));
    }

    @Test
    void givenLineBreaksStayAndALongWordStaysWhole() {
        assertEquals("L=3\nin\nL3-k5-C8-20261203-131502;\nits", JobNotifications.wrap("L=3\nin L3-k5-C8-20261203-131502; its", 10));
        assertEquals("short", JobNotifications.wrap("short", 56));
    }
}
