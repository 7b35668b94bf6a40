package io.srgrn.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void roundTripsNestedValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a \"quoted\"\\ line\nnext\ttab");
        m.put("count", 3L);
        m.put("ratio", 0.125);
        m.put("ok", true);
        m.put("none", null);
        m.put("list", List.of(1L, 2.5, "x", List.of()));
        m.put("empty", Map.of());
        String text = Json.writePretty(m);
        assertThat(Json.parse(text)).isEqualTo(m);
        assertThat(Json.parse(Json.write(m))).isEqualTo(m);
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        assertThat(Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY, 1.5)))
                .isEqualTo("[null,null,1.5]");
    }

    @Test
    void parsesStandardJson() {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": \"\\u00e9\"} ");
        assertThat(v)
                .isEqualTo(
                        Map.of(
                                "a",
                                java.util.Arrays.asList(1L, -2500.0, true, false, null),
                                "b",
                                "é"));
    }

    @Test
    void reportsWhereJsonIsBroken() {
        assertThatThrownBy(() -> Json.parse("{\"a\": }"))
                .hasMessageContaining("invalid JSON at character 6");
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("trailing characters");
        assertThatThrownBy(() -> Json.parseObject("[1]"))
                .hasMessageContaining("expected a JSON object");
    }
}
