package io.srgrn.spark;

import io.srgrn.api.Srgrn;
import io.srgrn.api.Tiling;
import io.srgrn.data.image.ImageFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML {@link Transformer} that super-resolves a DataFrame of encoded images, such as {@code
 * spark.read().format("binaryFile").load(dir)} gives (columns {@code path} and {@code content}),
 * and adds four columns: the upscaled image's bytes ({@code upscaled}, encoded as {@link
 * #setOutputFormat output format}), its {@code width} and {@code height}, and {@code error}, which
 * is null for a done image and the reason otherwise (a corrupt image is an error row, never a
 * failed job).
 *
 * <pre>{@code
 * Dataset<Row> images = spark.read().format("binaryFile").load("photos/");
 * Dataset<Row> sr = new SrgrnUpscaler().setScale(2).setOutputFormat("png").transform(images);
 * }</pre>
 *
 * Each executor JVM builds the model once, when its first task needs it, and shares it between its
 * tasks ({@link ExecutorModels}); the shipped models travel in the {@code srgrn-models} jar. The
 * params mirror {@code srgrn upscale}'s options, with its defaults and refusals: {@code
 * setTile(512)} runs exact tiles (SRGRN's own output, bounded memory), {@code setTileMode("fast")}
 * independent ones, {@code setMaxMemory("4g")} lets each executor choose exact tiles for its budget
 * ({@link MemorySettings}). Adding a param means its getter and setter and a component of {@link
 * ModelSettings}.
 */
public final class SrgrnUpscaler extends Transformer {
    private static final long serialVersionUID = 1L;

    private final String uid;

    private final Param<String> inputCol;
    private final Param<String> pathCol;
    private final Param<String> outputCol;
    private final Param<String> widthCol;
    private final Param<String> heightCol;
    private final Param<String> errorCol;
    private final Param<String> model;
    private final Param<String> weights;
    private final IntParam scale;
    private final Param<String> backend;
    private final IntParam threads;
    private final IntParam tile;
    private final Param<String> tileMode;
    private final IntParam tileOverlap;
    private final Param<String> maxMemory;
    private final Param<String> tileFeatures;
    private final Param<String> outputFormat;

    public SrgrnUpscaler() {
        this("srgrnUpscaler_" + UUID.randomUUID().toString().substring(0, 12));
    }

    /** The constructor {@link #copy(ParamMap)} (Spark's {@code defaultCopy}) calls. */
    public SrgrnUpscaler(String uid) {
        this.uid = uid; // first: each param records its parent's uid when made
        inputCol = new Param<>(this, "inputCol", "column of encoded image bytes");
        pathCol =
                new Param<>(
                        this,
                        "pathCol",
                        "column naming each image (errors, the input's format); optional in the input");
        outputCol = new Param<>(this, "outputCol", "column for the upscaled image's bytes");
        widthCol = new Param<>(this, "widthCol", "column for the upscaled image's width");
        heightCol = new Param<>(this, "heightCol", "column for the upscaled image's height");
        errorCol =
                new Param<>(this, "errorCol", "column for the reason an image failed (null: done)");
        model =
                new Param<>(
                        this, "model", "a shipped model's name ('': the default for the scale)");
        weights =
                new Param<>(
                        this,
                        "weights",
                        "a safetensors weights file every executor can read ('': none)");
        scale =
                new IntParam(
                        this, "scale", "2, 3 or 4; 0: the model's own (4 for the shipped default)");
        backend = new Param<>(this, "backend", "backend name ('': the best available)");
        threads =
                new IntParam(
                        this,
                        "threads",
                        "intra-op CPU threads of each executor's model (0: the backend's choice)");
        // The memory params mirror srgrn upscale's options, including what "not given" means:
        // tileMode and tileOverlap count only when set (isSet), their defaults are for display.
        tile =
                new IntParam(
                        this,
                        "tile",
                        "tiles of at most N x N input pixels (0: whole images, or maxMemory / automatic)");
        tileMode =
                new Param<>(
                        this,
                        "tileMode",
                        "exact (SRGRN's own output) or fast (independent tiles); unset: exact, or fast when"
                                + " tileOverlap is set");
        tileOverlap =
                new IntParam(
                        this,
                        "tileOverlap",
                        "fast tiles only: input pixels of context around each tile; setting it implies fast");
        maxMemory =
                new Param<>(
                        this,
                        "maxMemory",
                        "keep each executor's SRGRN within about this much memory, e.g. 2g or 1500m, in"
                                + " exact tiles it chooses ('': none)");
        tileFeatures =
                new Param<>(
                        this,
                        "tileFeatures",
                        "exact tiles: recompute, spill or host (how features are kept between passes)");
        outputFormat =
                new Param<>(
                        this,
                        "outputFormat",
                        "png, jpg, jpeg, bmp, tif, tiff, or 'input' for the input file's own format");
        setDefault(inputCol, "content");
        setDefault(pathCol, "path");
        setDefault(outputCol, "upscaled");
        setDefault(widthCol, "width");
        setDefault(heightCol, "height");
        setDefault(errorCol, "error");
        setDefault(model, "");
        setDefault(weights, "");
        setDefault(scale, 0);
        setDefault(backend, "");
        setDefault(threads, 0);
        setDefault(tile, 0);
        setDefault(tileMode, "exact");
        setDefault(tileOverlap, Tiling.DEFAULT_OVERLAP);
        setDefault(maxMemory, "");
        setDefault(tileFeatures, MemorySettings.name(Srgrn.DEFAULT_RETENTION));
        setDefault(outputFormat, "png");
    }

    @Override
    public String uid() {
        return uid;
    }

    // Spark finds a stage's params through public no-argument methods, as Scala's vals give them.

    public Param<String> inputCol() {
        return inputCol;
    }

    public Param<String> pathCol() {
        return pathCol;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    public Param<String> widthCol() {
        return widthCol;
    }

    public Param<String> heightCol() {
        return heightCol;
    }

    public Param<String> errorCol() {
        return errorCol;
    }

    public Param<String> model() {
        return model;
    }

    public Param<String> weights() {
        return weights;
    }

    public IntParam scale() {
        return scale;
    }

    public Param<String> backend() {
        return backend;
    }

    public IntParam threads() {
        return threads;
    }

    public IntParam tile() {
        return tile;
    }

    public Param<String> tileMode() {
        return tileMode;
    }

    public IntParam tileOverlap() {
        return tileOverlap;
    }

    public Param<String> maxMemory() {
        return maxMemory;
    }

    public Param<String> tileFeatures() {
        return tileFeatures;
    }

    public Param<String> outputFormat() {
        return outputFormat;
    }

    public SrgrnUpscaler setInputCol(String value) {
        return with(inputCol, value);
    }

    public SrgrnUpscaler setPathCol(String value) {
        return with(pathCol, value);
    }

    public SrgrnUpscaler setOutputCol(String value) {
        return with(outputCol, value);
    }

    public SrgrnUpscaler setWidthCol(String value) {
        return with(widthCol, value);
    }

    public SrgrnUpscaler setHeightCol(String value) {
        return with(heightCol, value);
    }

    public SrgrnUpscaler setErrorCol(String value) {
        return with(errorCol, value);
    }

    public SrgrnUpscaler setModel(String value) {
        return with(model, value);
    }

    public SrgrnUpscaler setWeights(String value) {
        return with(weights, value);
    }

    public SrgrnUpscaler setScale(int value) {
        return with(scale, value);
    }

    public SrgrnUpscaler setBackend(String value) {
        return with(backend, value);
    }

    public SrgrnUpscaler setThreads(int value) {
        return with(threads, value);
    }

    public SrgrnUpscaler setTile(int value) {
        return with(tile, value);
    }

    /** {@code exact} or {@code fast}. */
    public SrgrnUpscaler setTileMode(String value) {
        return with(tileMode, value);
    }

    public SrgrnUpscaler setTileOverlap(int value) {
        return with(tileOverlap, value);
    }

    /** A size such as {@code 2g}, {@code 1500m} or plain bytes; {@code ""} for none. */
    public SrgrnUpscaler setMaxMemory(String value) {
        return with(maxMemory, value);
    }

    /** {@code recompute}, {@code spill} or {@code host}. */
    public SrgrnUpscaler setTileFeatures(String value) {
        return with(tileFeatures, value);
    }

    /**
     * Sets the memory params to {@code memory}'s choice and clears those it does not use, so that
     * {@link #settings()} gives it back.
     */
    public SrgrnUpscaler setMemory(MemorySettings memory) {
        setTile(memory.tile());
        clear(tileMode);
        clear(tileOverlap);
        clear(maxMemory);
        if (memory.tileMode() != null) {
            setTileMode(MemorySettings.name(memory.tileMode()));
            if (memory.tileMode() == Tiling.Mode.FAST) {
                setTileOverlap(memory.tileOverlap());
            }
        }
        if (memory.budget() > 0) {
            setMaxMemory(Long.toString(memory.budget()));
        }
        return setTileFeatures(MemorySettings.name(memory.retention()));
    }

    public SrgrnUpscaler setOutputFormat(String value) {
        return with(outputFormat, value);
    }

    public String getOutputFormat() {
        return getOrDefault(outputFormat);
    }

    /** The model these params describe (checked here, on the driver). */
    public ModelSettings settings() {
        return new ModelSettings(
                getOrDefault(model),
                getOrDefault(weights),
                intParam(scale),
                getOrDefault(backend),
                intParam(threads),
                memory());
    }

    /** The memory params by {@code srgrn upscale}'s rules ({@link MemorySettings#choose}). */
    private MemorySettings memory() {
        String budget = getOrDefault(maxMemory);
        return MemorySettings.choose(
                intParam(tile),
                isSet(tileMode) ? MemorySettings.parseMode(getOrDefault(tileMode)) : null,
                isSet(tileOverlap) ? intParam(tileOverlap) : null,
                budget.isBlank() ? 0 : MemorySettings.parseSize(budget),
                MemorySettings.parseRetention(getOrDefault(tileFeatures)));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        settings();
        String format = getOutputFormat();
        if (!ImageUpscale.SAME_AS_INPUT.equalsIgnoreCase(format)
                && !ImageFormat.isImageFile(Path.of("x." + format))) {
            throw new IllegalArgumentException(
                    "unknown outputFormat '"
                            + format
                            + "'; allowed: png, jpg, jpeg, bmp, tif, tiff, input");
        }
        String in = getOrDefault(inputCol);
        List<String> names = Arrays.asList(schema.fieldNames());
        if (!names.contains(in) || !schema.apply(in).dataType().equals(DataTypes.BinaryType)) {
            throw new IllegalArgumentException(
                    "input column '"
                            + in
                            + "' of binary image bytes is missing (columns: "
                            + names
                            + "); read images with spark.read().format(\"binaryFile\") or setInputCol");
        }
        String path = getOrDefault(pathCol);
        if (names.contains(path) && !schema.apply(path).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException(
                    "path column '" + path + "' must be a string column");
        }
        if (!names.contains(path) && ImageUpscale.SAME_AS_INPUT.equalsIgnoreCase(format)) {
            throw new IllegalArgumentException(
                    "outputFormat 'input' needs the path column '" + path + "'");
        }
        List<StructField> fields = new ArrayList<>(Arrays.asList(schema.fields()));
        for (String added :
                List.of(
                        getOrDefault(outputCol),
                        getOrDefault(widthCol),
                        getOrDefault(heightCol),
                        getOrDefault(errorCol))) {
            if (names.contains(added)) {
                throw new IllegalArgumentException(
                        "output column '" + added + "' already exists in the input");
            }
        }
        fields.add(
                DataTypes.createStructField(getOrDefault(outputCol), DataTypes.BinaryType, true));
        fields.add(
                DataTypes.createStructField(getOrDefault(widthCol), DataTypes.IntegerType, true));
        fields.add(
                DataTypes.createStructField(getOrDefault(heightCol), DataTypes.IntegerType, true));
        fields.add(DataTypes.createStructField(getOrDefault(errorCol), DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        StructType in = dataset.schema();
        String path = getOrDefault(pathCol);
        int pathIndex = Arrays.asList(in.fieldNames()).contains(path) ? in.fieldIndex(path) : -1;
        UpscalePartition fn =
                new UpscalePartition(
                        settings(),
                        getOutputFormat(),
                        in.fieldIndex(getOrDefault(inputCol)),
                        pathIndex);
        return dataset.toDF().mapPartitions(fn, Encoders.row(out));
    }

    @Override
    public SrgrnUpscaler copy(ParamMap extra) {
        return (SrgrnUpscaler) defaultCopy(extra);
    }

    private int intParam(IntParam p) {
        return (Integer) getOrDefault(p);
    }

    private <T> SrgrnUpscaler with(Param<T> p, T value) {
        set(p, value);
        return this;
    }
}
