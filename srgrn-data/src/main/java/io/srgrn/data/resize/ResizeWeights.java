package io.srgrn.data.resize;

/**
 * The taps of a 1-D MATLAB bicubic resize from {@code inLength} to {@code outLength} samples:
 * output {@code i} is {@code sum_k weight[k] * in[index[k]]} for {@code k} in {@code [start[i],
 * start[i+1])}, summed in that order. Indices are 0-based and already clamped to the edge; taps
 * whose weight is exactly zero are left out (they add nothing).
 */
public record ResizeWeights(
        int inLength, int outLength, double scale, int[] start, int[] index, double[] weight) {

    /** The number of taps of output sample {@code i}. */
    public int taps(int i) {
        return start[i + 1] - start[i];
    }

    /** The largest number of taps of any output sample. */
    public int maxTaps() {
        int max = 0;
        for (int i = 0; i < outLength; i++) {
            max = Math.max(max, taps(i));
        }
        return max;
    }
}
