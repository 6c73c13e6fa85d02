package org.hessianscope.ui.surface;

import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.DrawMode;
import javafx.scene.shape.MeshView;
import javafx.scene.transform.Rotate;
import org.hessianscope.figure.ColourScale;

/**
 * The surface in 3D: a {@link MeshView} of {@link SurfaceMesh3D} in a sub-scene that fills the
 * pane. Drag with the mouse to rotate (left–right turns about the vertical, up–down tilts), scroll
 * to zoom. θ̂ is at the centre of the base plane, which a thin frame outlines.
 */
public final class Surface3DView extends Pane {
    /** Degrees turned per pixel dragged. */
    static final double DEGREES_PER_PIXEL = 0.4;
    static final double MIN_DISTANCE = 150;
    static final double MAX_DISTANCE = 2000;
    private final MeshView surface = new MeshView();
    private final Rotate yaw = new Rotate(-35, Rotate.Y_AXIS);
    private final Rotate tilt = new Rotate(-30, Rotate.X_AXIS);
    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final SubScene scene;
    private double lastX;
    private double lastY;

    public Surface3DView() {
        PhongMaterial material = new PhongMaterial();
        material.setDiffuseMap(SurfaceMesh3D.texture());
        material.setSpecularColor(Color.gray(0.15));
        surface.setMaterial(material);
        surface.setCullFace(CullFace.NONE);
        surface.setDrawMode(DrawMode.FILL);
        surface.setId("surface-3d-mesh");
        Group world = new Group(surface, frame());
        world.getTransforms().addAll(tilt, yaw);
        // Lift the surface's middle height to the centre of rotation, so it turns in place.
        world.setTranslateY(SurfaceMesh3D.HEIGHT / 2);
        AmbientLight ambient = new AmbientLight(Color.gray(0.75));
        PointLight light = new PointLight(Color.gray(0.45));
        light.setTranslateX(-300);
        light.setTranslateY(-500);
        light.setTranslateZ(-400);
        Group root = new Group(world, ambient, light);
        camera.setNearClip(1);
        camera.setFarClip(10_000);
        camera.setFieldOfView(35);
        camera.setTranslateZ(-520);
        scene = new SubScene(root, 300, 240, true, SceneAntialiasing.BALANCED);
        scene.setFill(Color.WHITE);
        scene.setCamera(camera);
        scene.widthProperty().bind(widthProperty());
        scene.heightProperty().bind(heightProperty());
        getChildren().add(scene);
        setMinSize(120, 120);
        setPrefSize(360, 300);
        setOnMousePressed(e -> {
            lastX = e.getX();
            lastY = e.getY();
        });
        setOnMouseDragged(e -> {
            rotateBy(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
        });
        setOnScroll(e -> zoomBy(e.getDeltaY()));
    }

    /** Shows {@code z[j][i]} coloured and raised on {@code scale}; null clears the surface. */
    public void show(double[][] z, ColourScale scale) {
        surface.setMesh(z == null ? null : SurfaceMesh3D.mesh(z, scale));
    }

    /** A drag of (dx, dy) pixels: dx turns about the vertical axis, dy tilts, clamped so the plane never flips over. */
    void rotateBy(double dx, double dy) {
        yaw.setAngle(yaw.getAngle() + dx * DEGREES_PER_PIXEL);
        tilt.setAngle(Math.max(-89, Math.min(89, tilt.getAngle() - dy * DEGREES_PER_PIXEL)));
    }

    /** One scroll of {@code delta}: positive moves the camera closer, by a factor, within limits. */
    void zoomBy(double delta) {
        double distance = -camera.getTranslateZ() * Math.pow(0.999, delta);
        camera.setTranslateZ(-Math.max(MIN_DISTANCE, Math.min(MAX_DISTANCE, distance)));
    }

    double yaw() {
        return yaw.getAngle();
    }

    double tilt() {
        return tilt.getAngle();
    }

    double distance() {
        return -camera.getTranslateZ();
    }

    MeshView meshView() {
        return surface;
    }

    private static Group frame() {
        double s = SurfaceMesh3D.HALF_SIDE;
        PhongMaterial grey = new PhongMaterial(Color.gray(0.35));
        Group g = new Group();
        for (int k = 0; k < 4; k++) {
            boolean alongX = k < 2;
            double offset = k % 2 == 0 ? -s : s;
            Box edge = alongX ? new Box(2 * s, 0.8, 0.8) : new Box(0.8, 0.8, 2 * s);
            if (alongX) {
                edge.setTranslateZ(offset);
            } else {
                edge.setTranslateX(offset);
            }
            edge.setMaterial(grey);
            g.getChildren().add(edge);
        }
        return g;
    }
}
