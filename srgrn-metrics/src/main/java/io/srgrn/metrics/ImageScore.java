package io.srgrn.metrics;

/** The scores of one image: Y PSNR (dB), Y SSIM, and RGB PSNR (NaN when not requested). */
public record ImageScore(String name, double psnr, double ssim, double rgbPsnr) {}
