package io.sectorsphere.udt.engine;

import java.net.InetAddress;

/**
 * The handshake's peer-address field as UDT 4.11 fills it: the raw address bytes copied into
 * host-order words and then byte-swapped word by word for the wire, so on a little-endian host
 * each word's four bytes travel reversed. We write what 4.11 on x86 writes, for byte-for-byte
 * identical handshakes; no side relies on the field.
 */
final class PeerAddressWords {

    private PeerAddressWords() {
    }

    static int[] of(InetAddress address) {
        byte[] bytes = address.getAddress();
        int[] words = new int[4];
        for (int i = 0; i < bytes.length / 4; i++) {
            words[i] = (bytes[4 * i] & 0xFF) | (bytes[4 * i + 1] & 0xFF) << 8
                    | (bytes[4 * i + 2] & 0xFF) << 16 | (bytes[4 * i + 3] & 0xFF) << 24;
        }
        return words;
    }
}
