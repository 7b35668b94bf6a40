package io.srgrn.api.train;

import io.srgrn.api.tensor.Tensor;

/** One training batch: LR inputs (B, C, h, w) and the aligned HR targets (B, C, s*h, s*w). */
public record Batch(Tensor lr, Tensor hr) {}
