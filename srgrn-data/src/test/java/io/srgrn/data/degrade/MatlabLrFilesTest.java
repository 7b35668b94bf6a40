package io.srgrn.data.degrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.ImageFiles;
import io.srgrn.data.testutil.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The BI and BD degradations against the LR files MATLAB made for RDN's Set5 test data
 * (data/RDN-Set5-matlab): every byte must be equal, starting both from the original HR (which the
 * degradation mod-crops) and checking the mod-crop against MATLAB's cropped HR.
 */
class MatlabLrFilesTest {

    private static final String[] NAMES = {"baby", "bird", "butterfly", "head", "woman"};

    @ParameterizedTest(name = "{0} x{1}")
    @CsvSource({"BI, 2", "BI, 3", "BI, 4", "BD, 3"})
    void reproducesMatlabLowResolutionFilesBitForBit(String kind, int scale) throws IOException {
        Path matlab = TestData.require("RDN-Set5-matlab");
        Path set5 = TestData.require("Set5/HR");
        Degradation degradation = kind.equals("BI") ? Degradation.bi(scale) : Degradation.bd();
        List<String> mismatches = new ArrayList<>();
        for (String name : NAMES) {
            ByteImage hr = ImageFiles.read(set5.resolve(name + ".png")).color8();
            ByteImage matlabHr =
                    ImageFiles.read(
                                    matlab.resolve(
                                            "HR/Set5/x"
                                                    + scale
                                                    + "/"
                                                    + name
                                                    + "_HR_x"
                                                    + scale
                                                    + ".png"))
                            .color8();
            assertThat(degradation.hrFor(hr)).as("mod-cropped HR of %s", name).isEqualTo(matlabHr);

            ByteImage expected =
                    ImageFiles.read(
                                    matlab.resolve(
                                            "LR/LR" + kind + "/Set5/x" + scale + "/" + name + "_LR"
                                                    + kind + "_x" + scale + ".png"))
                            .color8();
            ByteImage actual = degradation.apply(hr);
            assertThat(actual.height()).as("LR height of %s", name).isEqualTo(expected.height());
            assertThat(actual.width()).as("LR width of %s", name).isEqualTo(expected.width());
            int diff = 0;
            int maxAbs = 0;
            for (int i = 0; i < expected.data().length; i++) {
                int d = Math.abs((expected.data()[i] & 0xFF) - (actual.data()[i] & 0xFF));
                if (d != 0) {
                    diff++;
                    maxAbs = Math.max(maxAbs, d);
                }
            }
            if (diff != 0) {
                mismatches.add(name + ": " + diff + " samples differ (max " + maxAbs + ")");
            }
        }
        assertThat(mismatches)
                .as("%s x%d LR files that differ from MATLAB's", kind, scale)
                .isEmpty();
    }
}
