package org.hessianscope.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hessianscope.curvature.Curvature;
import org.junit.jupiter.api.Test;

class InvalidSettingExceptionTest {
    @Test
    void theCoreNamesSettingsByTheirRecordComponents() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new Curvature.Options(6, 4, 30, false, false, 0, 0, 1));
        assertEquals("lanczosSteps 4 is fewer than top 6; Lanczos needs at least as many steps as eigenvalues",
                e.getMessage());
    }

    @Test
    void aFrontEndRendersEachNameItKnowsAndKeepsTheRest() {
        InvalidSettingException e = new InvalidSettingException("{top} is 0 but {traceProbes} is {x}");
        assertEquals("top is 0 but traceProbes is x", e.getMessage());
        assertEquals("--top is 0 but traceProbes is x",
                e.describe(name -> name.equals("top") ? "--top" : name));
    }
}
