package org.hessianscope.ui.charts;

import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** The clicked sample of chart 4: the image enlarged, with its label, prediction and loss. */
public final class SampleView extends javafx.scene.layout.HBox {
    /** Fixed height below chart 4: showing an image never resizes the chart above it. */
    static final double HEIGHT = 2 * 28 + 6;
    /** Screen pixels per image pixel: a 28×28 digit becomes 56×56, which fits the panel's fixed height. */
    private static final int ZOOM = 2;

    SampleView(SampleViewModel vm) {
        super(6);
        setId("sample-view");
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        ImageView image = new ImageView();
        image.setSmooth(false);
        Label text = new Label("Click a point in chart 4 to see that sample.");
        text.setId("sample-text");
        text.setWrapText(true);
        vm.missingProperty().addListener((o, a, why) -> {
            if (vm.shownProperty().get() == null) {
                text.setText(why.isEmpty() ? "Click a point in chart 4 to see that sample." : why);
            }
        });
        vm.shownProperty().addListener((o, a, s) -> {
            if (s == null) {
                image.setImage(null);
                text.setText(vm.missingProperty().get().isEmpty() ? "Click a point in chart 4 to see that sample."
                        : vm.missingProperty().get());
                return;
            }
            image.setImage(draw(s));
            image.setFitWidth(s.width() * ZOOM);
            image.setFitHeight(s.height() * ZOOM);
            text.setText(s.description());
        });
        getChildren().addAll(image, text);
    }

    private static WritableImage draw(SampleViewModel.Shown s) {
        WritableImage img = new WritableImage(s.width(), s.height());
        PixelWriter w = img.getPixelWriter();
        int plane = s.height() * s.width();
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int i = y * s.width() + x;
                if (s.channels() == 3) {
                    w.setColor(x, y, Color.rgb(s.pixels()[i], s.pixels()[plane + i], s.pixels()[2 * plane + i]));
                } else {
                    w.setColor(x, y, Color.gray(s.pixels()[i] / 255.0));
                }
            }
        }
        return img;
    }
}
