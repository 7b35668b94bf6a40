/**
 * ONNX export of SRGRN models ({@link io.srgrn.onnx.OnnxExport}): pure Java, opset 17, dynamic
 * image size.
 */
package io.srgrn.onnx;
