package io.srgrn.api.weights;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The {@code config} metadata entry of SPEC section 2: exactly these keys, as a JSON object. */
public final class ConfigJson {
    static final Set<String> KEYS =
            Set.of(
                    "scale",
                    "inChannels",
                    "outChannels",
                    "G0",
                    "D",
                    "C",
                    "G",
                    "N",
                    "alpha",
                    "slope",
                    "nodeAggregation",
                    "grum",
                    "grrb");

    private ConfigJson() {}

    public static String write(SrgrnConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale", c.scale());
        m.put("inChannels", c.inChannels());
        m.put("outChannels", c.outChannels());
        m.put("G0", c.g0());
        m.put("D", c.d());
        m.put("C", c.c());
        m.put("G", c.g());
        m.put("N", c.n());
        m.put("alpha", c.alpha());
        m.put("slope", c.slope());
        m.put("nodeAggregation", c.nodeAggregation().name());
        m.put("grum", c.grum());
        m.put("grrb", c.grrb());
        return Json.write(m);
    }

    /** Parses the config JSON; a missing, extra or mistyped key fails with its name. */
    public static SrgrnConfig parse(String json) {
        Object parsed = Json.parse(json);
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("config metadata is not a JSON object: " + json);
        }
        Set<String> missing = new TreeSet<>(KEYS);
        missing.removeAll(m.keySet());
        Set<Object> extra = new TreeSet<>(m.keySet().stream().map(Object::toString).toList());
        extra.removeAll(KEYS);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalArgumentException(
                    "config metadata must have exactly the keys "
                            + new TreeSet<>(KEYS)
                            + "; missing "
                            + missing
                            + ", unexpected "
                            + extra);
        }
        String agg = string(m, "nodeAggregation");
        NodeAggregation aggregation;
        try {
            aggregation = NodeAggregation.valueOf(agg);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "config nodeAggregation = '" + agg + "'; allowed: MEAN, SUM");
        }
        return new SrgrnConfig(
                integer(m, "scale"),
                integer(m, "inChannels"),
                integer(m, "outChannels"),
                integer(m, "G0"),
                integer(m, "D"),
                integer(m, "C"),
                integer(m, "G"),
                integer(m, "N"),
                integer(m, "alpha"),
                number(m, "slope"),
                aggregation,
                bool(m, "grum"),
                bool(m, "grrb"));
    }

    private static int integer(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return (int) (long) l;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
            return (int) (double) d;
        }
        throw new IllegalArgumentException("config " + key + " must be an integer, got " + v);
    }

    private static double number(Map<?, ?> m, String key) {
        if (m.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(
                "config " + key + " must be a number, got " + m.get(key));
    }

    private static boolean bool(Map<?, ?> m, String key) {
        if (m.get(key) instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(
                "config " + key + " must be true or false, got " + m.get(key));
    }

    private static String string(Map<?, ?> m, String key) {
        if (m.get(key) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(
                "config " + key + " must be a string, got " + m.get(key));
    }
}
