package io.srgrn.data.degrade;

import java.nio.charset.StandardCharsets;

/** Derives independent, stable seeds from a base seed and a name (for per-image noise). */
final class Seeds {

    private Seeds() {}

    /**
     * SplitMix64's finaliser over the seed and the name's UTF-8 bytes (FNV-1a): stable across JVMs.
     */
    static long mix(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        long z = seed ^ h;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
