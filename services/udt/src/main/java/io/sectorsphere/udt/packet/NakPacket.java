package io.sectorsphere.udt.packet;

/**
 * A loss report (control type 3). Control information is the compressed loss list:
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |1|     first sequence of a lost range                          |
 * |0|     last sequence of that range                             |
 * |0|     a single lost sequence                                  |
 * |                   ...                                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The decoder only builds well-formed lists: every range start is followed by its end.
 */
public record NakPacket(int timestamp, int destinationSocketId, int[] lossList) implements UdtPacket {

    public static final int RANGE_START = 0x80000000;

    public NakPacket {
        lossList = lossList.clone();
    }

    @Override
    public int[] lossList() {
        return lossList.clone();
    }

    public int words() {
        return lossList.length;
    }

    public int word(int index) {
        return lossList[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NakPacket that && timestamp == that.timestamp
                && destinationSocketId == that.destinationSocketId && java.util.Arrays.equals(lossList, that.lossList);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(lossList) * 31 + destinationSocketId;
    }

    @Override
    public String toString() {
        return "NakPacket[dest=" + destinationSocketId + ", words=" + lossList.length + "]";
    }
}
