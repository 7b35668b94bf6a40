package io.srgrn.backend.jcuda;

import java.util.Map;
import java.util.TreeMap;

/**
 * Device memory emulated on the heap for {@link HostOps}: each block is a float array at a fake
 * address, and any address inside a block (a batch item's offset) resolves to that array and an
 * index.
 */
final class HostMemory implements RawDeviceMemory {
    private final TreeMap<Long, float[]> blocks = new TreeMap<>();
    private long next = 0x10000;

    /** An array and the float index of an address inside it. */
    record At(float[] array, int index) {
        float get(long i) {
            return array[index + (int) i];
        }

        void set(long i, float v) {
            array[index + (int) i] = v;
        }
    }

    @Override
    public synchronized long allocate(long bytes) {
        long address = next;
        float[] block = new float[(int) ((bytes + 3) / 4)];
        // garbage, not zeros: a layer that reads memory it never wrote must not pass by luck
        java.util.Arrays.fill(block, Float.NaN);
        blocks.put(address, block);
        next += bytes + 4096;
        return address;
    }

    @Override
    public synchronized void free(long address) {
        if (blocks.remove(address) == null) {
            throw new AssertionError("free of an unknown block at " + address);
        }
    }

    synchronized At at(long address) {
        Map.Entry<Long, float[]> e = blocks.floorEntry(address);
        if (e == null
                || (address - e.getKey()) / 4 >= e.getValue().length
                || (address - e.getKey()) % 4 != 0) {
            throw new AssertionError("address " + address + " is in no live block");
        }
        return new At(e.getValue(), (int) ((address - e.getKey()) / 4));
    }

    synchronized int liveBlocks() {
        return blocks.size();
    }
}
