package org.touchstone.reports.input;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Subject ids as UTF-8 byte ranges numbered in order of first appearance. Hand-written because a score
 * file has millions of lines and two ids a line: a {@code HashMap<String, Integer>} would build two
 * strings a line only to find ids it already has; this looks the bytes up where they lie (in the block
 * being parsed) and makes a string once per distinct id.
 */
final class IdDictionary {
    private int[] slots = new int[1024];
    private byte[][] keyArrays = new byte[256][];
    private int[] keyOffsets = new int[256];
    private int[] keyLengths = new int[256];
    private int[] keyHashes = new int[256];
    private int size;

    /**
     * The number of an id, assigning the next one when it is new.
     *
     * @param bytes  holds the id's UTF-8 bytes (kept by reference: must not change while this dictionary lives)
     * @param offset where the id starts
     * @param length its length in bytes
     * @return its number, 0 for the first id seen
     */
    int indexOf(byte[] bytes, int offset, int length) {
        int hash = hash(bytes, offset, length);
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return add(bytes, offset, length, hash, slot);
            }
            if (keyHashes[entry] == hash && keyLengths[entry] == length && Arrays.equals(keyArrays[entry],
                    keyOffsets[entry], keyOffsets[entry] + length, bytes, offset, offset + length)) {
                return entry;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(byte[] bytes, int offset, int length, int hash, int slot) {
        if (size == keyArrays.length) {
            int capacity = size * 2;
            keyArrays = Arrays.copyOf(keyArrays, capacity);
            keyOffsets = Arrays.copyOf(keyOffsets, capacity);
            keyLengths = Arrays.copyOf(keyLengths, capacity);
            keyHashes = Arrays.copyOf(keyHashes, capacity);
        }
        int entry = size++;
        keyArrays[entry] = bytes;
        keyOffsets[entry] = offset;
        keyLengths[entry] = length;
        keyHashes[entry] = hash;
        slots[slot] = entry + 1;
        if (2 * size > slots.length) {
            rehash();
        }
        return entry;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = keyHashes[entry] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry + 1;
        }
    }

    private static int hash(byte[] bytes, int offset, int length) {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + bytes[i];
        }
        // Spread the high bits into the low ones that choose the slot.
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    /**
     * The number of distinct ids.
     *
     * @return the count
     */
    int size() {
        return size;
    }

    /**
     * The ids, by number.
     *
     * @return a string per id (the bytes must be valid UTF-8)
     */
    String[] names() {
        String[] names = new String[size];
        for (int i = 0; i < size; i++) {
            names[i] = new String(keyArrays[i], keyOffsets[i], keyLengths[i], StandardCharsets.UTF_8);
        }
        return names;
    }
}
