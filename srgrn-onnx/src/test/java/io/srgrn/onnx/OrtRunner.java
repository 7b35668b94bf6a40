package io.srgrn.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.srgrn.api.tensor.Tensor;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;

/** One exported model loaded in ONNX Runtime (CPU), run on srgrn tensors. */
final class OrtRunner implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    OrtRunner(byte[] model) throws OrtException {
        session = env.createSession(model, new OrtSession.SessionOptions());
    }

    Tensor run(Tensor input) throws OrtException {
        long[] shape = Arrays.stream(input.shape()).asLongStream().toArray();
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input.data()), shape);
                OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, x))) {
            OnnxTensor y = (OnnxTensor) result.get(OnnxExport.OUTPUT).orElseThrow();
            int[] outShape =
                    Arrays.stream(y.getInfo().getShape()).mapToInt(Math::toIntExact).toArray();
            FloatBuffer buffer = y.getFloatBuffer();
            float[] data = new float[buffer.remaining()];
            buffer.get(data);
            return Tensor.of(data, outShape);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
