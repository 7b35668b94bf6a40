package io.srgrn.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transformer on a binaryFile DataFrame: added columns, error rows, one model per JVM. */
class SparkUpscalerTest {
    @TempDir static Path tmp;

    static List<Path> images;

    @BeforeAll
    static void images() throws Exception {
        images = TestImages.set14WithBroken(tmp);
    }

    @Test
    void addsTheUpscaledImageItsSizeAndAnErrorColumn() throws Exception {
        Dataset<Row> input =
                LocalSpark.session()
                        .read()
                        .format("binaryFile")
                        .option("recursiveFileLookup", "true")
                        .load(tmp.toString())
                        .repartition(4);
        int loadsBefore = ExecutorModels.loads();
        Dataset<Row> out = new SrgrnUpscaler().setScale(2).transform(input);

        assertThat(out.columns())
                .containsExactly(
                        "path",
                        "modificationTime",
                        "length",
                        "content",
                        "upscaled",
                        "width",
                        "height",
                        "error");
        List<Row> rows = out.select("path", "upscaled", "width", "height", "error").collectAsList();
        assertThat(rows).hasSize(images.size() + 1);
        for (Row r : rows) {
            if (r.getString(0).endsWith(TestImages.BROKEN)) {
                assertThat(r.isNullAt(1)).isTrue();
                assertThat(r.isNullAt(2)).isTrue();
                assertThat(r.getString(4)).containsIgnoringCase("corrupt");
            } else {
                assertThat(r.isNullAt(4)).as(r.getString(4)).isTrue();
                assertThat(r.getInt(2)).isEqualTo(2 * TestImages.CROP);
                assertThat(r.getInt(3)).isEqualTo(2 * TestImages.CROP);
                DecodedImage decoded =
                        ImageFiles.decode((byte[]) r.get(1), Path.of("upscaled.png"));
                assertThat(decoded.width()).isEqualTo(2 * TestImages.CROP);
            }
        }
        assertThat(ExecutorModels.loads() - loadsBefore)
                .as("one model for four partitions on two task threads")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void encodesTheOutputFormatAsked() {
        Dataset<Row> input =
                LocalSpark.session().read().format("binaryFile").load(images.get(1).toString());
        Row r =
                new SrgrnUpscaler()
                        .setScale(2)
                        .setOutputFormat("jpg")
                        .transform(input)
                        .select("upscaled")
                        .first();
        byte[] jpeg = (byte[]) r.get(0);
        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
    }

    @Test
    void checksItsInputAndParamsOnTheDriver() {
        SrgrnUpscaler upscaler = new SrgrnUpscaler();
        assertThatThrownBy(
                        () ->
                                upscaler.transformSchema(
                                        DataTypes.createStructType(
                                                List.of(
                                                        DataTypes.createStructField(
                                                                "bytes",
                                                                DataTypes.BinaryType,
                                                                true)))))
                .hasMessageContaining("'content'");
        assertThatThrownBy(
                        () ->
                                upscaler.copy(new org.apache.spark.ml.param.ParamMap())
                                        .setOutputFormat("gif")
                                        .transformSchema(
                                                DataTypes.createStructType(
                                                        List.of(
                                                                DataTypes.createStructField(
                                                                        "content",
                                                                        DataTypes.BinaryType,
                                                                        true)))))
                .hasMessageContaining("unknown outputFormat 'gif'");
        assertThatThrownBy(() -> new SrgrnUpscaler().setScale(5).settings())
                .hasMessageContaining("invalid scale 5");
        assertThat(upscaler.copy(new org.apache.spark.ml.param.ParamMap()).uid())
                .isEqualTo(upscaler.uid());
    }
}
