package io.srgrn.api.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Residual dense block (SPEC 3, RDN): {@code C} 3x3 convs with ReLU, each fed the concatenation of
 * the block input and every earlier conv's output, then a 1x1 local feature fusion and a residual:
 *
 * <pre>feats = [x]; for c: feats += relu(convs.c(concat(feats))); out = lff(concat(feats)) + x
 * </pre>
 */
public record RdbSpec(int g0, int c, int g) implements LayerSpec {

    public RdbSpec {
        if (g0 < 1 || c < 1 || g < 1) {
            throw new IllegalArgumentException(
                    "RDB needs G0, C, G >= 1, got G0=" + g0 + ", C=" + c + ", G=" + g);
        }
    }

    /** {@code convs.{i}}: Conv2d(G0 + i*G, G, 3). */
    public Child<Conv2dSpec> conv(int i) {
        return new Child<>("convs." + i, Conv2dSpec.conv3x3(g0 + i * g, g));
    }

    public List<Child<Conv2dSpec>> convs() {
        List<Child<Conv2dSpec>> list = new ArrayList<>(c);
        for (int i = 0; i < c; i++) {
            list.add(conv(i));
        }
        return list;
    }

    /** {@code lff}: Conv2d(G0 + C*G, G0, 1). */
    public Child<Conv2dSpec> lff() {
        return new Child<>("lff", Conv2dSpec.conv1x1(g0 + c * g, g0));
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> params = new ArrayList<>();
        convs().forEach(ch -> params.addAll(ch.parameters()));
        params.addAll(lff().parameters());
        return List.copyOf(params);
    }

    @Override
    public int[] outputShape(int... in) {
        Shapes.requireImage(describe(), g0, in);
        return in.clone();
    }

    @Override
    public long macs(int... in) {
        Shapes.requireImage(describe(), g0, in);
        long total = 0;
        for (int i = 0; i < c; i++) {
            total += conv(i).spec().macs(in[0], g0 + i * g, in[2], in[3]);
        }
        return total + lff().spec().macs(in[0], g0 + c * g, in[2], in[3]);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.rdb(this);
    }

    @Override
    public String describe() {
        return "RDB(G0=" + g0 + ", C=" + c + ", G=" + g + ")";
    }
}
