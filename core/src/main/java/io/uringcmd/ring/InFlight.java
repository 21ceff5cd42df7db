package io.uringcmd.ring;

/**
 * Segments kept reachable while the kernel may still use them, keyed by user_data: an open-addressing multimap
 * that allocates only when it grows. Requests that pass no segment (NOP, SIOCINQ) never touch it.
 */
final class InFlight {
    private long[] keys = new long[16];
    private Object[] vals = new Object[16];
    private int size;

    int size() { return size; }

    void put(long key, Object value) {
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (vals[i] != null) i = (i + 1) & mask;
        keys[i] = key;
        vals[i] = value;
        size++;
    }

    /** Removes one entry for {@code key}, if any. */
    void removeOne(long key) {
        if (size == 0) return;
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (vals[i] != null) {
            if (keys[i] == key) {
                vals[i] = null;
                size--;
                // Backward-shift deletion keeps probe chains intact without tombstones.
                int j = i;
                while (true) {
                    j = (j + 1) & mask;
                    if (vals[j] == null) return;
                    int home = hash(keys[j]) & mask;
                    boolean between = i <= j ? (i < home && home <= j) : (i < home || home <= j);
                    if (!between) {
                        keys[i] = keys[j];
                        vals[i] = vals[j];
                        vals[j] = null;
                        i = j;
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    void clear() {
        java.util.Arrays.fill(vals, null);
        size = 0;
    }

    private void grow() {
        long[] ok = keys;
        Object[] ov = vals;
        keys = new long[ok.length * 2];
        vals = new Object[ov.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ov[i] != null) put(ok[i], ov[i]);
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
