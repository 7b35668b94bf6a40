package io.srgrn.spark;

import io.srgrn.api.Srgrn;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The executor side of {@link SrgrnUpscaler}: each input row comes back with the four added
 * values. The model is fetched from {@link ExecutorModels} when the partition's first row arrives
 * (an empty partition loads nothing) and rows are upscaled one by one as Spark pulls them, so a
 * partition never holds more than one image's tensors.
 */
final class UpscalePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

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

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row row = rows.next();
                if (model == null) {
                    model = ExecutorModels.get(settings);
                }
                String name = pathIndex < 0 || row.isNullAt(pathIndex) ? null : row.getString(pathIndex);
                byte[] content = row.isNullAt(contentIndex) ? null : (byte[]) row.get(contentIndex);
                UpscaleResult r = ImageUpscale.run(model, name, content, format);
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
