package org.hessianscope.surface;

import org.hessianscope.linalg.Vectors;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.task.InvalidSettingException;
import org.hessianscope.train.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrajectoryDirectionsTest {
    static final double TOL = 1e-10;

    @Test
    void pointsInAKnownPlaneGiveItsAxesAndTheirCoordinates() {
        // Differences from θ̂ = 0 lie in span(e1, e2) with most spread along e1: the axes are ±e1, ±e2.
        double[] center = new double[4];
        List<double[]> points = List.of(new double[] {-3, -1, 0, 0}, new double[] {-2, 1, 0, 0},
                new double[] {-1, -0.5, 0, 0}, new double[] {0, 0, 0, 0});
        List<long[]> when = List.of(new long[] {0, 0}, new long[] {10, 1}, new long[] {20, 2}, new long[] {30, 3});
        TrajectoryDirections.Plane plane = TrajectoryDirections.of(center, points, when, "test");
        // The 2×2 scatter of the differences in (x, y); its top eigenvalue and axis in closed form.
        double sxx = 9 + 4 + 1;
        double syy = 1 + 1 + 0.25;
        double sxy = 3 - 2 + 0.5;
        double l1 = (sxx + syy) / 2 + Math.sqrt(Math.pow((sxx - syy) / 2, 2) + sxy * sxy);
        assertEquals(l1 / (sxx + syy), plane.explained()[0], TOL);
        assertEquals(1, plane.explained()[0] + plane.explained()[1], TOL);
        // Angle of the first axis: tan 2φ = 2 sxy / (sxx − syy).
        double phi = 0.5 * Math.atan2(2 * sxy, sxx - syy);
        assertEquals(Math.abs(Math.cos(phi)), Math.abs(plane.first()[0]), TOL);
        assertEquals(Math.abs(Math.sin(phi)), Math.abs(plane.first()[1]), TOL);
        assertEquals(0, plane.first()[2], TOL);
        assertEquals(List.of(0L, 10L, 20L, 30L), plane.points().stream().map(TrajectoryDirections.TrajectoryPoint::step).toList());
        assertTrue(plane.points().get(0).x() <= 0 && plane.points().get(0).y() <= 0, "θ₀ on the negative side");
        assertEquals(0, plane.points().get(3).x(), 0);
    }

    @Test
    void directionsAreOrthonormalAndProjectingTheCheckpointsReproducesTheirCoordinates() {
        SplittableRandom rng = new SplittableRandom(5);
        int p = 300;
        double[] center = Vectors.gaussian(p, rng);
        List<double[]> points = new ArrayList<>();
        List<long[]> when = new ArrayList<>();
        for (int j = 0; j < 7; j++) {
            double[] x = center.clone();
            Vectors.axpy(1.0 / (j + 1), Vectors.gaussian(p, rng), x);
            points.add(x);
            when.add(new long[] {j * 5L, j});
        }
        TrajectoryDirections.Plane plane = TrajectoryDirections.of(center, points, when, "test");
        assertEquals(1, Vectors.dot(plane.first(), plane.first()), TOL);
        assertEquals(1, Vectors.dot(plane.second(), plane.second()), TOL);
        assertEquals(0, Vectors.dot(plane.first(), plane.second()), TOL);
        assertTrue(plane.explained()[0] >= plane.explained()[1]);
        for (int j = 0; j < points.size(); j++) {
            double[] d = points.get(j).clone();
            Vectors.axpy(-1, center, d);
            assertEquals(Vectors.dot(d, plane.first()), plane.points().get(j).x(), TOL);
            assertEquals(Vectors.dot(d, plane.second()), plane.points().get(j).y(), TOL);
        }
        // The first direction is the best single axis: no other unit vector in the plane of the data explains more.
        double best = 0;
        for (double[] d : points) {
            double[] diff = d.clone();
            Vectors.axpy(-1, center, diff);
            best += Math.pow(Vectors.dot(diff, plane.first()), 2);
        }
        double[] other = plane.first().clone();
        Vectors.axpy(0.1, plane.second(), other);
        Vectors.divideByNorm(other);
        double worse = 0;
        for (double[] d : points) {
            double[] diff = d.clone();
            Vectors.axpy(-1, center, diff);
            worse += Math.pow(Vectors.dot(diff, other), 2);
        }
        assertTrue(best > worse);
    }

    @Test
    void storedCheckpointsOfARunFolderProjectToTheirCoordinates(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        TrainedRun run = org.hessianscope.run.RunFolderTestAccess.withCheckpoints(3);
        RunFolder.write(dir, run);
        TrainedRun back = RunFolder.read(dir);
        TrajectoryDirections.Plane plane = TrajectoryDirections.of(dir, back);
        assertEquals(4, plane.points().size(), "θ₀ and three checkpoints");
        for (int j = 1; j < 4; j++) {
            Checkpoint c = back.checkpoints().get(j - 1);
            double[] d = c.thetaAsDouble();
            Vectors.axpy(-1, back.weights(), d);
            assertEquals(Vectors.dot(d, plane.first()), plane.points().get(j).x(), TOL);
            assertEquals(Vectors.dot(d, plane.second()), plane.points().get(j).y(), TOL);
            assertEquals(c.step(), plane.points().get(j).step());
        }
    }

    @Test
    void aRunWithoutCheckpointsSaysHowToMakeThem(@TempDir Path tmp) {
        TrainedRun run = org.hessianscope.run.RunFolderTestAccess.withCheckpoints(3).withoutCheckpoints();
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> TrajectoryDirections.of(tmp, run));
        assertTrue(e.getMessage().contains("kept no checkpoints") && e.getMessage().contains("--checkpoints epoch"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
