package io.srgrn.onnx;

import io.srgrn.api.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX graph under construction: nodes in topological order, initializers (the weights, under
 * their SPEC names) and one float input and output with symbolic dimensions. Field numbers are
 * those of onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto,
 * ValueInfoProto).
 */
final class OnnxGraph {
    /** The operator set the graph is written against. */
    static final int OPSET = 17;

    /** ONNX IR version 8 is the one that introduced opset 17's release (ONNX 1.12). */
    static final int IR_VERSION = 8;

    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_STRING = 3;
    private static final int ATTR_INTS = 7;

    private final List<ProtoMessage> nodes = new ArrayList<>();
    private final List<ProtoMessage> initializers = new ArrayList<>();
    private int counter;

    /** A node attribute. */
    record Attribute(
            String name, int type, long intValue, float floatValue, long[] ints, String text) {
        static Attribute of(String name, long value) {
            return new Attribute(name, ATTR_INT, value, 0, null, null);
        }

        static Attribute of(String name, float value) {
            return new Attribute(name, ATTR_FLOAT, 0, value, null, null);
        }

        static Attribute ints(String name, long... values) {
            return new Attribute(name, ATTR_INTS, 0, 0, values, null);
        }

        static Attribute of(String name, String value) {
            return new Attribute(name, ATTR_STRING, 0, 0, null, value);
        }

        ProtoMessage proto() {
            ProtoMessage a = new ProtoMessage().string(1, name).varint(20, type);
            switch (type) {
                case ATTR_FLOAT -> a.float32(2, floatValue);
                case ATTR_INT -> a.varint(3, intValue);
                case ATTR_STRING -> a.string(4, text);
                default -> {
                    for (long v : ints) {
                        a.varint(8, v);
                    }
                }
            }
            return a;
        }
    }

    /** Adds a node and returns the name of its (single) output, derived from {@code hint}. */
    String node(String opType, String hint, List<String> inputs, Attribute... attributes) {
        return namedNode(opType, hint + "#" + counter++, inputs, attributes);
    }

    /** Adds a node whose output has exactly the name {@code output} (a graph output). */
    String namedNode(String opType, String output, List<String> inputs, Attribute... attributes) {
        ProtoMessage n = new ProtoMessage();
        inputs.forEach(i -> n.string(1, i));
        n.string(2, output).string(3, output).string(4, opType);
        for (Attribute a : attributes) {
            n.message(5, a.proto());
        }
        nodes.add(n);
        return output;
    }

    /** A float initializer named {@code name} (a SPEC parameter name). */
    String weight(String name, Tensor value) {
        ByteBuffer raw =
                ByteBuffer.allocate(value.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(value.data());
        initializers.add(tensor(name, FLOAT, value.shape(), raw.array()));
        return name;
    }

    /** A constant 1-D int64 tensor (a shape, an axis list). */
    String int64s(String hint, long... values) {
        String name = hint + "#" + counter++;
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        initializers.add(tensor(name, INT64, new int[] {values.length}, raw.array()));
        return name;
    }

    /** A constant float scalar. */
    String scalar(String hint, float value) {
        String name = hint + "#" + counter++;
        ByteBuffer raw = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value);
        initializers.add(tensor(name, FLOAT, new int[0], raw.array()));
        return name;
    }

    /**
     * The serialised ModelProto with float input {@code input} and output {@code output}, each
     * shaped by {@code dims}: a fixed size where the string parses as a number, else a symbolic
     * one.
     */
    byte[] model(
            String input,
            String[] inputDims,
            String output,
            String[] outputDims,
            String producerVersion,
            String docString) {
        ProtoMessage graph = new ProtoMessage();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, "srgrn");
        initializers.forEach(t -> graph.message(5, t));
        graph.string(10, docString);
        graph.message(11, valueInfo(input, inputDims));
        graph.message(12, valueInfo(output, outputDims));
        return new ProtoMessage()
                .varint(1, IR_VERSION)
                .string(2, "srgrn")
                .string(3, producerVersion)
                .message(7, graph)
                .message(8, new ProtoMessage().string(1, "").varint(2, OPSET))
                .toByteArray();
    }

    private static ProtoMessage tensor(String name, int dataType, int[] shape, byte[] raw) {
        ProtoMessage t = new ProtoMessage();
        for (int d : shape) {
            t.varint(1, d);
        }
        return t.varint(2, dataType).string(8, name).bytes(9, raw);
    }

    private static ProtoMessage valueInfo(String name, String[] dims) {
        ProtoMessage shape = new ProtoMessage();
        for (String d : dims) {
            ProtoMessage dim = new ProtoMessage();
            if (d.chars().allMatch(Character::isDigit)) {
                dim.varint(1, Long.parseLong(d));
            } else {
                dim.string(2, d);
            }
            shape.message(1, dim);
        }
        ProtoMessage tensorType = new ProtoMessage().varint(1, FLOAT).message(2, shape);
        return new ProtoMessage()
                .string(1, name)
                .message(2, new ProtoMessage().message(1, tensorType));
    }
}
