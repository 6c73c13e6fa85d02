package org.hessianscope.ui.surface;

import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.TriangleMesh;
import org.hessianscope.figure.ColourMap;
import org.hessianscope.figure.ColourScale;

/**
 * A value grid as a JavaFX triangle mesh: one vertex per grid point, two triangles per cell.
 * The plane spans [−{@link #HALF_SIDE}, {@link #HALF_SIDE}] in x and z whatever the axes' units;
 * height is the value's place t on the {@link ColourScale} times {@link #HEIGHT} (up is −y in
 * JavaFX). Each vertex' texture coordinate is (t, ½) on {@link #texture()}, the {@link ColourMap}
 * drawn left to right, so the surface has the heat map's colours and blends them across a cell.
 * {@code z[j][i]} is the value at column i (x) and row j (z), as {@link org.hessianscope.figure.SurfaceMapFigure} takes it.
 */
public final class SurfaceMesh3D {
    public static final double HALF_SIDE = 100;
    public static final double HEIGHT = 120;
    /** Texels of the colour ramp: more than the 11 anchors, so the blend is the map's own. */
    static final int TEXELS = 256;

    private SurfaceMesh3D() {
    }

    public static TriangleMesh mesh(double[][] z, ColourScale scale) {
        int rows = z.length;
        int cols = z[0].length;
        TriangleMesh mesh = new TriangleMesh();
        float[] points = new float[rows * cols * 3];
        float[] tex = new float[rows * cols * 2];
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < cols; i++) {
                int v = j * cols + i;
                double t = Math.max(0, Math.min(1, scale.fraction(z[j][i])));
                if (Double.isNaN(t)) {
                    t = 0;
                }
                points[3 * v] = (float) coordinate(i, cols);
                points[3 * v + 1] = (float) (-t * HEIGHT);
                points[3 * v + 2] = (float) coordinate(j, rows);
                // The texel centre of t, so 0 and 1 take the ramp's end colours rather than a blend with the edge.
                tex[2 * v] = (float) ((0.5 + t * (TEXELS - 1)) / TEXELS);
                tex[2 * v + 1] = 0.5f;
            }
        }
        int[] faces = new int[(rows - 1) * (cols - 1) * 2 * 6];
        int f = 0;
        for (int j = 0; j + 1 < rows; j++) {
            for (int i = 0; i + 1 < cols; i++) {
                int a = j * cols + i;
                int b = a + 1;
                int c = a + cols + 1;
                int d = a + cols;
                // Point and texture indices are the same vertex; both triangles wound the same way.
                f = triangle(faces, f, a, d, b);
                f = triangle(faces, f, b, d, c);
            }
        }
        mesh.getPoints().setAll(points);
        mesh.getTexCoords().setAll(tex);
        mesh.getFaces().setAll(faces);
        return mesh;
    }

    /** Position of grid index {@code i} of {@code n} on the plane, −HALF_SIDE to HALF_SIDE. */
    static double coordinate(int i, int n) {
        return n < 2 ? 0 : -HALF_SIDE + 2 * HALF_SIDE * i / (n - 1);
    }

    private static int triangle(int[] faces, int f, int p, int q, int r) {
        faces[f++] = p;
        faces[f++] = p;
        faces[f++] = q;
        faces[f++] = q;
        faces[f++] = r;
        faces[f++] = r;
        return f;
    }

    /** The colour map as a TEXELS × 1 image, left (t = 0) to right (t = 1). */
    public static Image texture() {
        WritableImage image = new WritableImage(TEXELS, 1);
        for (int x = 0; x < TEXELS; x++) {
            image.getPixelWriter().setColor(x, 0, colour(ColourMap.rgb(x / (double) (TEXELS - 1))));
        }
        return image;
    }

    static Color colour(int rgb) {
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }
}
