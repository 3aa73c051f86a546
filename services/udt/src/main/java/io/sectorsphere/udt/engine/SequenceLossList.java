package io.sectorsphere.udt.engine;

import io.sectorsphere.udt.SequenceNumbers;
import io.sectorsphere.udt.packet.NakPacket;

/**
 * A set of lost sequence numbers that all lie within a window of at most {@code capacity}
 * consecutive numbers (the send or receive buffer), kept as a ring of bits indexed by the low
 * bits of the sequence. Its memory is fixed at creation: no sequence number, forged or not, can
 * grow it; callers check that a number lies in the window before adding it.
 */
final class SequenceLossList {

    private final long[] words;
    private final int mask;
    private int count;

    SequenceLossList(int minimumCapacity) {
        int size = Integer.highestOneBit(Math.max(64, minimumCapacity - 1)) << 1;
        this.mask = size - 1;
        this.words = new long[size >>> 6];
    }

    int capacity() {
        return mask + 1;
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    boolean add(int sequence) {
        int position = sequence & mask;
        long bit = 1L << position;
        if ((words[position >>> 6] & bit) != 0) {
            return false;
        }
        words[position >>> 6] |= bit;
        count++;
        return true;
    }

    /** Adds {@code first..last}; returns how many were new. The caller bounds the range by the window. */
    int addRange(int first, int last) {
        int added = 0;
        int length = SequenceNumbers.length(first, last);
        for (int i = 0, sequence = first; i < length; i++, sequence = SequenceNumbers.increment(sequence)) {
            if (add(sequence)) {
                added++;
            }
        }
        return added;
    }

    boolean remove(int sequence) {
        int position = sequence & mask;
        long bit = 1L << position;
        if ((words[position >>> 6] & bit) == 0) {
            return false;
        }
        words[position >>> 6] &= ~bit;
        count--;
        return true;
    }

    /** Removes every number from {@code from} up to but excluding {@code to} (at most the capacity). */
    void removeBefore(int from, int to) {
        int length = Math.min(SequenceNumbers.offset(from, to), capacity());
        for (int i = 0, sequence = from; i < length && count > 0; i++, sequence = SequenceNumbers.increment(sequence)) {
            remove(sequence);
        }
    }

    /** The first lost number at or after {@code from} within one capacity, or {@code -1}. */
    int first(int from) {
        if (count == 0) {
            return -1;
        }
        int start = from & mask;
        int position = nextSetBit(start, capacity());
        if (position < 0) {
            position = nextSetBit(0, start);
        }
        return position < 0 ? -1 : SequenceNumbers.increment(from, (position - start) & mask);
    }

    /**
     * The losses from {@code from} on as UDT's compressed list (ranges as start with the top bit
     * set, then end), at most {@code maxWords} words.
     */
    int[] compressed(int from, int maxWords) {
        int[] out = new int[Math.min(maxWords, 2 * count)];
        int used = 0;
        int cursor = from;
        int remaining = count;
        while (remaining > 0 && used < out.length) {
            int start = first(cursor);
            if (start < 0) {
                break;
            }
            int end = start;
            remaining--;
            while (remaining > 0 && contains(SequenceNumbers.increment(end))) {
                end = SequenceNumbers.increment(end);
                remaining--;
            }
            if (start == end) {
                out[used++] = start;
            } else if (used + 2 <= out.length) {
                out[used++] = start | NakPacket.RANGE_START;
                out[used++] = end;
            } else {
                break;
            }
            cursor = SequenceNumbers.increment(end);
        }
        return used == out.length ? out : java.util.Arrays.copyOf(out, used);
    }

    boolean contains(int sequence) {
        int position = sequence & mask;
        return (words[position >>> 6] & (1L << position)) != 0;
    }

    private int nextSetBit(int fromIndex, int toIndex) {
        int wordIndex = fromIndex >>> 6;
        if (fromIndex >= toIndex) {
            return -1;
        }
        long word = words[wordIndex] & (-1L << fromIndex);
        while (true) {
            if (word != 0) {
                int index = (wordIndex << 6) + Long.numberOfTrailingZeros(word);
                return index < toIndex ? index : -1;
            }
            if (++wordIndex >= words.length || (wordIndex << 6) >= toIndex) {
                return -1;
            }
            word = words[wordIndex];
        }
    }
}
