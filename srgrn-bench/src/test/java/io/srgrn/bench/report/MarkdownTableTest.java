package io.srgrn.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void rendersPaddedGithubMarkdown() {
        String t =
                new MarkdownTable("name", "n").alignRight(1).row("a", 1).row("bbbb", 22).render();
        assertThat(t)
                .isEqualTo(
                        """
                | name |   n |
                | ---- | --: |
                | a    |   1 |
                | bbbb |  22 |
                """);
    }

    @Test
    void escapesPipesAndNewlines() {
        String t = new MarkdownTable("x").row("a|b\nc").render();
        assertThat(t).contains("| a\\|b c |");
    }

    @Test
    void rowWidthMustMatchTheHeader() {
        assertThatThrownBy(() -> new MarkdownTable("a", "b").row("only one"))
                .hasMessageContaining("1 cells")
                .hasMessageContaining("2 columns");
    }

    @Test
    void csvQuotesWhatNeedsIt() {
        MarkdownTable t = new MarkdownTable("a", "b").row("x,y", "say \"hi\"").row("plain", "1");
        assertThat(Csv.of(t)).isEqualTo("a,b\n\"x,y\",\"say \"\"hi\"\"\"\nplain,1\n");
    }

    @Test
    void numbersAreFormattedWithoutLocale() {
        assertThat(Numbers.psnrSsim(28.4302, 0.81114)).isEqualTo("28.43/0.8111");
        assertThat(Numbers.grouped(5885222)).isEqualTo("5,885,222");
        assertThat(Numbers.si(15_230_000)).isEqualTo("15.23M");
        assertThat(Numbers.si(569_300)).isEqualTo("569.3K");
        assertThat(Numbers.fixed(Double.NaN, 2)).isEqualTo("-");
    }
}
