package io.srgrn.data.dataset;

import io.srgrn.data.degrade.Degradation;
import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.ImageFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads HR/LR pairs of a dataset for one degradation. The HR image is read at 8 bits and
 * mod-cropped to the scale; a grey image is replicated to RGB unless {@code keepGrey} (SPEC section
 * 6). The LR image is, in order of preference: the dataset's official LR file (only for BI, whose
 * official files are made the same way), the {@link LrCache} entry, or made on the fly.
 */
public final class PairLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PairLoader.class);

    private final Degradation degradation;
    private final LrCache cache;
    private final boolean keepGrey;
    private final boolean useOfficialLr;

    /**
     * @param cache LR cache, or {@code null} to degrade on every load
     * @param keepGrey keep grey images single-channel instead of replicating them to RGB
     * @param useOfficialLr use a dataset's own LR files for BI where present
     */
    public PairLoader(
            Degradation degradation, LrCache cache, boolean keepGrey, boolean useOfficialLr) {
        this.degradation = Objects.requireNonNull(degradation, "degradation");
        this.cache = cache;
        this.keepGrey = keepGrey;
        this.useOfficialLr = useOfficialLr;
    }

    /** RGB pairs made on the fly, official BI files used where present. */
    public static PairLoader of(Degradation degradation) {
        return new PairLoader(degradation, null, false, true);
    }

    public Degradation degradation() {
        return degradation;
    }

    /**
     * The HR image of an entry as used in pairs: 8-bit, grey replicated unless kept, not cropped.
     */
    public ByteImage loadHr(ImageEntry entry) throws IOException {
        ByteImage hr = ImageFiles.read(entry.hrFile()).color8();
        return hr.channels() == 1 && !keepGrey ? hr.replicate(3) : hr;
    }

    public HrLrPair load(ImageEntry entry) throws IOException {
        ByteImage hr = loadHr(entry);
        int s = degradation.scale();
        if (useOfficialLr
                && degradation instanceof Degradation.BI
                && entry.officialLr().isPresent()) {
            return officialPair(entry, hr, s);
        }
        ByteImage target = degradation.hrFor(hr);
        Degradation forImage = degradation.forImage(entry.id());
        ByteImage lr;
        if (cache == null) {
            lr = forImage.apply(hr);
        } else {
            String layout = hr.channels() == 1 ? "grey" : "rgb";
            lr =
                    cache.getOrBuild(
                            entry.id(),
                            entry.hrFile(),
                            forImage.key(),
                            layout,
                            () -> forImage.apply(hr));
        }
        return new HrLrPair(entry.id(), target, lr, s);
    }

    public List<HrLrPair> loadAll(SrDataset dataset) throws IOException {
        List<HrLrPair> pairs = new ArrayList<>(dataset.size());
        for (ImageEntry e : dataset.entries()) {
            pairs.add(load(e));
        }
        LOG.info("loaded {} {} pairs of {}", pairs.size(), degradation.key(), dataset.name());
        return pairs;
    }

    private HrLrPair officialPair(ImageEntry entry, ByteImage hr, int s) throws IOException {
        ByteImage lr = ImageFiles.read(entry.lrFile()).color8();
        if (lr.channels() == 1 && hr.channels() == 3) {
            lr = lr.replicate(3);
        }
        int h = lr.height() * s;
        int w = lr.width() * s;
        if (h > hr.height()
                || w > hr.width()
                || hr.height() - h >= s
                || hr.width() - w >= s
                || lr.channels() != hr.channels()) {
            throw new IOException(
                    "official LR "
                            + entry.lrFile()
                            + " ("
                            + lr.channels()
                            + "x"
                            + lr.height()
                            + "x"
                            + lr.width()
                            + ") does not match x"
                            + s
                            + " of HR "
                            + entry.hrFile()
                            + " ("
                            + hr.channels()
                            + "x"
                            + hr.height()
                            + "x"
                            + hr.width()
                            + ")");
        }
        return new HrLrPair(entry.id(), hr.crop(0, 0, h, w), lr, s);
    }
}
