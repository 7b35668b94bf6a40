package io.srgrn.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootTest {

    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(DataRoot.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(DataRoot.PROPERTY);
        } else {
            System.setProperty(DataRoot.PROPERTY, saved);
        }
    }

    @Test
    void propertyPointsAtTheRoot(@TempDir Path dir) {
        System.setProperty(DataRoot.PROPERTY, dir.toString());
        assertThat(DataRoot.find()).contains(dir);
        assertThat(DataRoot.require()).isEqualTo(dir);
    }

    @Test
    void unexpandedMavenPlaceholderCountsAsUnset() {
        System.setProperty(DataRoot.PROPERTY, "${env.SRGRN_DATA}");
        String env = System.getenv(DataRoot.ENV);
        boolean envSet = env != null && !env.isBlank();
        assertThat(DataRoot.configured().isPresent())
                .as("falls back to the environment variable")
                .isEqualTo(envSet);
        DataRoot.configured()
                .ifPresent(p -> assertThat(p.getFileName()).isEqualTo(Path.of(env).getFileName()));
    }

    @Test
    void relativeRootIsResolvedAgainstTheCheckout(@TempDir Path dir) {
        String savedRoot = System.getProperty(DataRoot.CHECKOUT_ROOT_PROPERTY);
        try {
            System.setProperty(DataRoot.CHECKOUT_ROOT_PROPERTY, dir.resolve("repo").toString());
            System.setProperty(DataRoot.PROPERTY, "../shared/data");
            assertThat(DataRoot.configured()).contains(dir.resolve("shared/data"));
            System.clearProperty(DataRoot.CHECKOUT_ROOT_PROPERTY);
            assertThat(DataRoot.configured()).contains(Path.of("../shared/data"));
        } finally {
            if (savedRoot != null) {
                System.setProperty(DataRoot.CHECKOUT_ROOT_PROPERTY, savedRoot);
            }
        }
    }

    @Test
    void aMissingFolderIsReportedByName(@TempDir Path dir) {
        Path absent = dir.resolve("nowhere");
        System.setProperty(DataRoot.PROPERTY, absent.toString());
        assertThat(DataRoot.find()).isEmpty();
        assertThatThrownBy(DataRoot::require)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(absent.toString());
    }
}
