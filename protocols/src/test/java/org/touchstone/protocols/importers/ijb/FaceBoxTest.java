package org.touchstone.protocols.importers.ijb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaceBoxTest {
    private static FaceBox box(String... cells) {
        return FaceBox.parse(List.of(cells)).box().orElseThrow();
    }

    private static String problem(String... cells) {
        return FaceBox.parse(List.of(cells)).problem().orElseThrow();
    }

    @Test
    void unusableCellsAreNamed() {
        assertEquals("FACE_Y is empty", problem("1", " ", "3", "4"));
        assertEquals("FACE_X is not a number: 'NaN'", problem("NaN", "2", "3", "4"));
        assertEquals("FACE_HEIGHT is not a number: 'abc'", problem("1", "2", "3", "abc"));
        assertTrue(problem("1", "2", "0", "4").startsWith("the box has no area: FACE_WIDTH 0, FACE_HEIGHT 4"));
        assertTrue(problem("1", "2", "3", "-4").startsWith("the box has no area"));
        assertEquals(new FaceBox(10.5, 20, 30, 40), box("10.5", "20", "30", "40"));
    }

    @Test
    void theCropIsTheBoxWithItsMarginRoundedOutwardsAndClipped() {
        // 0.2 x 30 = 6 and 0.2 x 40 = 8: [4.5, 46.5) x [12, 68) rounded outwards to [4, 47) x [12, 68).
        assertEquals(Optional.of(new Rectangle(4, 12, 43, 56)), box("10.5", "20", "30", "40").crop(100, 100, 0.2));
        assertEquals(Optional.of(new Rectangle(10, 20, 30, 40)), box("10", "20", "30", "40").crop(100, 100, 0));
        // Partly outside: clipped to the frame, and said to extend past it.
        FaceBox corner = box("-10", "90", "30", "30");
        assertEquals(Optional.of(new Rectangle(0, 84, 26, 16)), corner.crop(100, 100, 0.2));
        assertTrue(corner.extendsPast(100, 100));
        assertFalse(box("10", "20", "30", "40").extendsPast(100, 100));
        // No pixel inside the frame: no crop, even though the margin would reach into it.
        assertEquals(Optional.empty(), box("100", "0", "30", "30").crop(100, 100, 0.5));
        assertEquals(Optional.empty(), box("-30", "0", "30", "30").crop(100, 100, 0.5));
    }
}
