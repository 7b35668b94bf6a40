package io.srgrn.backend.jcuda;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * JavaCPP pointer objects over raw device addresses. The allocator deals in plain {@code long}
 * addresses; the presets' functions take {@link Pointer}s. These objects own nothing (no
 * deallocator): the memory belongs to the {@link DeviceAllocator}.
 */
final class DevicePointers {
    private DevicePointers() {}

    static Pointer raw(long address) {
        return new Pointer() {
            {
                this.address = address;
            }
        };
    }

    static FloatPointer floats(long address, long count) {
        return new FloatPointer() {
            {
                this.address = address;
                this.limit = count;
                this.capacity = count;
            }
        };
    }
}
