package org.hessianscope.data;

import org.hessianscope.arch.InputShape;

/** Images as read from a file: uint8 pixels in (record, channel, row, column) order and one label byte each. */
record RawImages(InputShape shape, byte[] pixels, byte[] labels) {
    int count() {
        return labels.length;
    }
}
