package io.srgrn.spark;

import io.srgrn.api.Srgrn;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor side of {@link SrgrnUpscaler}: each input row comes back with the four added values.
 * The model is fetched from {@link ExecutorModels} when the partition's first row arrives (an empty
 * partition loads nothing) and rows are upscaled one by one as Spark pulls them, so a partition
 * never holds more than one image's tensors.
 */
final class UpscalePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UpscalePartition.class);

    private final ModelSettings settings;
    private final String format;
    private final int contentIndex;
    private final int pathIndex;

    UpscalePartition(ModelSettings settings, String format, int contentIndex, int pathIndex) {
        this.settings = settings;
        this.format = format;
        this.contentIndex = contentIndex;
        this.pathIndex = pathIndex;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Iterator<>() {
            private Srgrn model;
            private long started;
            private int done;
            private int failed;

            @Override
            public boolean hasNext() {
                boolean more = rows.hasNext();
                if (!more && done > 0) {
                    // Per-executor throughput, for sizing a cluster: images of this partition and
                    // their time.
                    LOG.info(
                            "partition done: {} image(s), {} failed, in {} s (model load included if it happened here)",
                            done,
                            failed,
                            String.format(
                                    java.util.Locale.ROOT,
                                    "%.1f",
                                    (System.nanoTime() - started) / 1e9));
                    done = 0;
                }
                return more;
            }

            @Override
            public Row next() {
                Row row = rows.next();
                if (model == null) {
                    started = System.nanoTime();
                    model = ExecutorModels.get(settings);
                }
                String name =
                        pathIndex < 0 || row.isNullAt(pathIndex) ? null : row.getString(pathIndex);
                byte[] content = row.isNullAt(contentIndex) ? null : (byte[]) row.get(contentIndex);
                UpscaleResult r = ImageUpscale.run(model, name, content, format);
                done++;
                failed += r.ok() ? 0 : 1;
                Object[] values = new Object[row.size() + 4];
                for (int i = 0; i < row.size(); i++) {
                    values[i] = row.get(i);
                }
                values[row.size()] = r.image();
                values[row.size() + 1] = r.width();
                values[row.size() + 2] = r.height();
                values[row.size() + 3] = r.error();
                return RowFactory.create(values);
            }
        };
    }
}
