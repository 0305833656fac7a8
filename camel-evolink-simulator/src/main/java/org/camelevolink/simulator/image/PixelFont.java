package org.camelevolink.simulator.image;

import java.awt.Graphics2D;
import java.util.Map;

/**
 * A 5-pixel-high bitmap font for labels such as "#3". Drawn with rectangles, so labels look the same on every
 * machine and need no installed fonts (headless servers often have none).
 */
final class PixelFont {

    static final int HEIGHT = 5;

    private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
            Map.entry('0', new String[] {"###", "#.#", "#.#", "#.#", "###"}),
            Map.entry('1', new String[] {".#.", "##.", ".#.", ".#.", "###"}),
            Map.entry('2', new String[] {"###", "..#", "###", "#..", "###"}),
            Map.entry('3', new String[] {"###", "..#", "###", "..#", "###"}),
            Map.entry('4', new String[] {"#.#", "#.#", "###", "..#", "..#"}),
            Map.entry('5', new String[] {"###", "#..", "###", "..#", "###"}),
            Map.entry('6', new String[] {"###", "#..", "###", "#.#", "###"}),
            Map.entry('7', new String[] {"###", "..#", "..#", ".#.", ".#."}),
            Map.entry('8', new String[] {"###", "#.#", "###", "#.#", "###"}),
            Map.entry('9', new String[] {"###", "#.#", "###", "..#", "###"}),
            Map.entry('-', new String[] {"...", "...", "###", "...", "..."}),
            Map.entry('#', new String[] {".#.#.", "#####", ".#.#.", "#####", ".#.#."}));

    private PixelFont() {
    }

    /** Width of {@code text} in cells, one blank cell between glyphs. */
    static int width(String text) {
        int cells = 0;
        for (int i = 0; i < text.length(); i++) {
            cells += glyph(text.charAt(i))[0].length() + (i > 0 ? 1 : 0);
        }
        return cells;
    }

    /** Draws {@code text} with its top-left corner at (x, y), each font pixel a {@code cell} x {@code cell} square. */
    static void draw(Graphics2D g, String text, int x, int y, int cell) {
        int left = x;
        for (int i = 0; i < text.length(); i++) {
            String[] rows = glyph(text.charAt(i));
            for (int row = 0; row < HEIGHT; row++) {
                for (int col = 0; col < rows[row].length(); col++) {
                    if (rows[row].charAt(col) == '#') {
                        g.fillRect(left + col * cell, y + row * cell, cell, cell);
                    }
                }
            }
            left += (rows[0].length() + 1) * cell;
        }
    }

    private static String[] glyph(char c) {
        String[] rows = GLYPHS.get(c);
        if (rows == null) {
            throw new IllegalArgumentException("no glyph for '" + c + "'");
        }
        return rows;
    }
}
