package io.srgrn.data.sample;

/** Where one sample of a batch comes from: pair index, LR top-left corner, augmentation. */
public record PatchPlan(int pair, int lrTop, int lrLeft, Dihedral transform) {}
