package io.srgrn.backend.jcuda;

import static org.bytedeco.cuda.global.cudnn.CUDNN_CROSS_CORRELATION;
import static org.bytedeco.cuda.global.cudnn.CUDNN_DATA_FLOAT;
import static org.bytedeco.cuda.global.cudnn.CUDNN_DEFAULT_MATH;
import static org.bytedeco.cuda.global.cudnn.CUDNN_FMA_MATH;
import static org.bytedeco.cuda.global.cudnn.CUDNN_STATUS_SUCCESS;
import static org.bytedeco.cuda.global.cudnn.CUDNN_TENSOR_NCHW;

import org.bytedeco.cuda.cudnn.cudnnContext;
import org.bytedeco.cuda.cudnn.cudnnConvolutionBwdDataAlgoPerf_t;
import org.bytedeco.cuda.cudnn.cudnnConvolutionBwdFilterAlgoPerf_t;
import org.bytedeco.cuda.cudnn.cudnnConvolutionFwdAlgoPerf_t;
import org.bytedeco.cuda.cudnn.cudnnConvolutionStruct;
import org.bytedeco.cuda.cudnn.cudnnFilterStruct;
import org.bytedeco.cuda.cudnn.cudnnTensorStruct;
import org.bytedeco.cuda.global.cudnn;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * The cuDNN descriptors of one {@link ConvDescriptor} and the algorithms chosen for it, once, by
 * cuDNN's heuristics ({@code cudnnGet...Algorithm_v7}, the first candidate that reports success).
 * Cached per shape by the context; the workspace each algorithm needs is taken from the context's
 * allocator when the convolution runs. Closing destroys the descriptors.
 */
final class CudnnConvolution implements AutoCloseable {
    private static final int CANDIDATES = 8;

    final ConvDescriptor shape;
    final cudnnTensorStruct x = new cudnnTensorStruct();
    final cudnnTensorStruct y = new cudnnTensorStruct();
    final cudnnTensorStruct bias = new cudnnTensorStruct();
    final cudnnFilterStruct w = new cudnnFilterStruct();
    final cudnnConvolutionStruct conv = new cudnnConvolutionStruct();
    final int forwardAlgo;
    final long forwardWorkspace;
    final int backwardDataAlgo;
    final long backwardDataWorkspace;
    final int backwardFilterAlgo;
    final long backwardFilterWorkspace;

    CudnnConvolution(cudnnContext handle, ConvDescriptor d) {
        this.shape = d;
        CudaStatus.cudnn(cudnn.cudnnCreateTensorDescriptor(x), "cudnnCreateTensorDescriptor");
        CudaStatus.cudnn(cudnn.cudnnCreateTensorDescriptor(y), "cudnnCreateTensorDescriptor");
        CudaStatus.cudnn(cudnn.cudnnCreateTensorDescriptor(bias), "cudnnCreateTensorDescriptor");
        CudaStatus.cudnn(cudnn.cudnnCreateFilterDescriptor(w), "cudnnCreateFilterDescriptor");
        CudaStatus.cudnn(
                cudnn.cudnnCreateConvolutionDescriptor(conv), "cudnnCreateConvolutionDescriptor");
        int[] xs = d.inputShape(), ys = d.outputShape(), ws = d.filterShape(), bs = d.biasShape();
        CudaStatus.cudnn(
                cudnn.cudnnSetTensor4dDescriptor(
                        x, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, xs[0], xs[1], xs[2], xs[3]),
                "cudnnSetTensor4dDescriptor(x)");
        CudaStatus.cudnn(
                cudnn.cudnnSetTensor4dDescriptor(
                        y, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, ys[0], ys[1], ys[2], ys[3]),
                "cudnnSetTensor4dDescriptor(y)");
        CudaStatus.cudnn(
                cudnn.cudnnSetTensor4dDescriptor(
                        bias, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, bs[0], bs[1], bs[2], bs[3]),
                "cudnnSetTensor4dDescriptor(bias)");
        CudaStatus.cudnn(
                cudnn.cudnnSetFilter4dDescriptor(
                        w, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, ws[0], ws[1], ws[2], ws[3]),
                "cudnnSetFilter4dDescriptor");
        int pad = d.padding();
        CudaStatus.cudnn(
                cudnn.cudnnSetConvolution2dDescriptor(
                        conv, pad, pad, 1, 1, 1, 1, CUDNN_CROSS_CORRELATION, CUDNN_DATA_FLOAT),
                "cudnnSetConvolution2dDescriptor");
        CudaStatus.cudnn(
                cudnn.cudnnSetConvolutionMathType(
                        conv, d.tf32() ? CUDNN_DEFAULT_MATH : CUDNN_FMA_MATH),
                "cudnnSetConvolutionMathType");

        IntPointer returned = new IntPointer(1);
        SizeTPointer bytes = new SizeTPointer(1);
        try (cudnnConvolutionFwdAlgoPerf_t perf = new cudnnConvolutionFwdAlgoPerf_t(CANDIDATES)) {
            CudaStatus.cudnn(
                    cudnn.cudnnGetConvolutionForwardAlgorithm_v7(
                            handle, x, w, conv, y, CANDIDATES, returned, perf),
                    "cudnnGetConvolutionForwardAlgorithm_v7");
            int algo = -1;
            for (int i = 0; i < returned.get() && algo < 0; i++) {
                if (perf.position(i).status() == CUDNN_STATUS_SUCCESS) {
                    algo = perf.position(i).algo();
                }
            }
            forwardAlgo = requireAlgo(algo, "forward", d);
        }
        CudaStatus.cudnn(
                cudnn.cudnnGetConvolutionForwardWorkspaceSize(
                        handle, x, w, conv, y, forwardAlgo, bytes),
                "cudnnGetConvolutionForwardWorkspaceSize");
        forwardWorkspace = bytes.get();
        try (cudnnConvolutionBwdDataAlgoPerf_t perf =
                new cudnnConvolutionBwdDataAlgoPerf_t(CANDIDATES)) {
            CudaStatus.cudnn(
                    cudnn.cudnnGetConvolutionBackwardDataAlgorithm_v7(
                            handle, w, y, conv, x, CANDIDATES, returned, perf),
                    "cudnnGetConvolutionBackwardDataAlgorithm_v7");
            int algo = -1;
            for (int i = 0; i < returned.get() && algo < 0; i++) {
                if (perf.position(i).status() == CUDNN_STATUS_SUCCESS) {
                    algo = perf.position(i).algo();
                }
            }
            backwardDataAlgo = requireAlgo(algo, "backward data", d);
        }
        CudaStatus.cudnn(
                cudnn.cudnnGetConvolutionBackwardDataWorkspaceSize(
                        handle, w, y, conv, x, backwardDataAlgo, bytes),
                "cudnnGetConvolutionBackwardDataWorkspaceSize");
        backwardDataWorkspace = bytes.get();
        try (cudnnConvolutionBwdFilterAlgoPerf_t perf =
                new cudnnConvolutionBwdFilterAlgoPerf_t(CANDIDATES)) {
            CudaStatus.cudnn(
                    cudnn.cudnnGetConvolutionBackwardFilterAlgorithm_v7(
                            handle, x, y, conv, w, CANDIDATES, returned, perf),
                    "cudnnGetConvolutionBackwardFilterAlgorithm_v7");
            int algo = -1;
            for (int i = 0; i < returned.get() && algo < 0; i++) {
                if (perf.position(i).status() == CUDNN_STATUS_SUCCESS) {
                    algo = perf.position(i).algo();
                }
            }
            backwardFilterAlgo = requireAlgo(algo, "backward filter", d);
        }
        CudaStatus.cudnn(
                cudnn.cudnnGetConvolutionBackwardFilterWorkspaceSize(
                        handle, x, y, conv, w, backwardFilterAlgo, bytes),
                "cudnnGetConvolutionBackwardFilterWorkspaceSize");
        backwardFilterWorkspace = bytes.get();
        returned.close();
        bytes.close();
    }

    private static int requireAlgo(int algo, String pass, ConvDescriptor d) {
        if (algo < 0) {
            throw new CudaException("cuDNN offers no " + pass + " algorithm for " + d);
        }
        return algo;
    }

    @Override
    public void close() {
        cudnn.cudnnDestroyTensorDescriptor(x);
        cudnn.cudnnDestroyTensorDescriptor(y);
        cudnn.cudnnDestroyTensorDescriptor(bias);
        cudnn.cudnnDestroyFilterDescriptor(w);
        cudnn.cudnnDestroyConvolutionDescriptor(conv);
    }
}
