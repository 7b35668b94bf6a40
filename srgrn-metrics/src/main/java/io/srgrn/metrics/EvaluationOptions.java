package io.srgrn.metrics;

import java.util.Objects;

/**
 * A protocol, the grey-image rule and whether to report RGB PSNR as well. {@link
 * EvaluationProtocol#Y_ONLY} always scores a grey image by its own value (the grey rule does not
 * apply to it).
 */
public record EvaluationOptions(EvaluationProtocol protocol, GreyMode grey, boolean rgbPsnr) {

    public EvaluationOptions {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(grey, "grey");
    }

    /** RDN protocol, grey images replicated, no RGB PSNR: the default for models. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(EvaluationProtocol.RDN, GreyMode.REPLICATE, false);
    }

    public static EvaluationOptions of(EvaluationProtocol protocol, GreyMode grey) {
        return new EvaluationOptions(protocol, grey, false);
    }

    public EvaluationOptions withRgbPsnr(boolean on) {
        return new EvaluationOptions(protocol, grey, on);
    }

    /** Whether a single-channel HR image is scored as one channel under these options. */
    public boolean scoresGreyAsSingle() {
        return protocol == EvaluationProtocol.Y_ONLY || grey == GreyMode.SINGLE;
    }

    /** A short label such as {@code rdn}, {@code rdn-y8/grey=single} or {@code y-only}. */
    public String label() {
        String p =
                switch (protocol) {
                    case RDN -> "rdn";
                    case RDN_Y8 -> "rdn-y8";
                    case Y_ONLY -> "y-only";
                };
        return protocol != EvaluationProtocol.Y_ONLY && grey == GreyMode.SINGLE
                ? p + "/grey=single"
                : p;
    }
}
