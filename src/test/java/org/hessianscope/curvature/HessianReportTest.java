package org.hessianscope.curvature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's keys and orders, on results computed from explicit matrices with known spectra. */
class HessianReportTest {

    @Test
    void keysAndOrdersFollowTheIssue() throws Exception {
        // H: eigenvalues 1..6 and −2; H_O: 0..6; H_F: −9, 1, 2 (largest magnitude −9).
        ExplicitMatrix h = ExplicitMatrix.rotated(new double[] {6, 5, 4, 3, 2, 1, -2}, 1);
        ExplicitMatrix o = ExplicitMatrix.rotated(new double[] {6, 5, 4, 3, 2, 1, 0}, 2);
        ExplicitMatrix f = ExplicitMatrix.rotated(new double[] {-9, 1, 2, 0, 0, 0, 0}, 3);
        LanczosOptions two = new LanczosOptions(7, 2, 2, 1e-10, 0, false);
        LanczosResult hr = Lanczos.run(h, two);
        LanczosResult fr = Lanczos.run(f, two);
        double[] residualTop = Curvature.byMagnitude(fr, 2);
        Curvature.Result r = new Curvature.Result(10, 7, hr, Hutchinson.estimate(h, new Hutchinson.Options(1, 0)),
                Lanczos.run(o, new LanczosOptions(7, 2, 0, 1e-10, 0, false)), fr, residualTop, 9.0 / 6.0, null,
                new PerSampleGgn.Result(new double[] {1, 4, 2, 3}, new double[] {0.5, 2, 1, 1.5}), null);

        JsonNode json = new ObjectMapper().valueToTree(CurvatureReport.toMap(r));
        assertEquals(6, json.at("/hessian/top/0").asDouble(), 1e-9);
        assertEquals(5, json.at("/hessian/top/1").asDouble(), 1e-9);
        assertEquals(-2, json.at("/hessian/bottom/0").asDouble(), 1e-9);
        assertEquals(1, json.at("/hessian/bottom/1").asDouble(), 1e-9);
        assertEquals(2, json.at("/hessian/residuals").size());
        assertTrue(json.at("/hessian/traceStderr").isNull(), "one probe has no standard error");
        assertTrue(json.at("/hessian/trace").isNumber());
        assertEquals(6, json.at("/ggn/top/0").asDouble(), 1e-9);
        assertEquals(-9, json.at("/residual/top/0").asDouble(), 1e-9);
        assertEquals(2, json.at("/residual/top/1").asDouble(), 1e-9);
        assertEquals(1.5, json.at("/ratio/residualOverGgn").asDouble(), 0);
        assertEquals(4, json.at("/perSample/ggnNorm/max").asDouble(), 0);
        assertEquals(1, json.at("/perSample/ggnNorm/argmax").asInt());
        assertEquals(2.5, json.at("/perSample/ggnNorm/median").asDouble(), 1e-15);
        assertEquals(2, json.at("/perSample/ggnNormWeightsOnly/max").asDouble(), 0);
        assertFalse(json.has("density"));
        assertTrue(json.at("/perSample/full").isMissingNode());
    }
}
