package io.srgrn.backend.jcuda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code extern "C" __global__} functions of a generated kernel source, parsed into their
 * parameter types. A syntax-level check that needs no CUDA: the launcher's argument lists ({@link
 * Kernel}) must equal what the sources declare, parameter by parameter.
 *
 * @param name the C symbol
 * @param paramTypes the parameter types, normalised ({@code const float*}, {@code int}, {@code long
 *     long})
 */
record KernelSignature(String name, List<String> paramTypes) {
    private static final Pattern GLOBAL =
            Pattern.compile(
                    "extern\\s+\"C\"\\s+__global__\\s+void\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(([^)]*)\\)\\s*\\{");

    KernelSignature {
        paramTypes = List.copyOf(paramTypes);
    }

    /** Every kernel defined in {@code source}, by name, in source order. */
    static Map<String, KernelSignature> parse(String source) {
        Map<String, KernelSignature> out = new LinkedHashMap<>();
        Matcher m = GLOBAL.matcher(source);
        while (m.find()) {
            List<String> types = new ArrayList<>();
            String params = m.group(2).trim();
            if (!params.isEmpty()) {
                for (String p : params.split(",")) {
                    types.add(typeOf(p, m.group(1)));
                }
            }
            if (out.put(m.group(1), new KernelSignature(m.group(1), types)) != null) {
                throw new IllegalArgumentException("kernel " + m.group(1) + " is defined twice");
            }
        }
        return out;
    }

    /**
     * {@code "const float* a"} to {@code "const float*"}: the declaration without its last
     * identifier.
     */
    private static String typeOf(String param, String kernel) {
        String p = param.trim().replaceAll("\\s+", " ").replace(" *", "*");
        Matcher m = Pattern.compile("^(.*?[\\s*])([A-Za-z_][A-Za-z0-9_]*)$").matcher(p);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "cannot parse parameter '" + param.trim() + "' of kernel " + kernel);
        }
        return m.group(1).trim();
    }

    /** The Java argument list as the source would spell it. */
    static List<String> typesOf(List<KernelArg> args) {
        return args.stream().map(KernelArg::cudaType).toList();
    }
}
