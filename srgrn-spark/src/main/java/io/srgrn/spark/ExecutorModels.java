package io.srgrn.spark;

import io.srgrn.api.Srgrn;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link Srgrn} per executor JVM and per {@link ModelSettings}, built when the first task that
 * needs it runs and then shared by every later task and partition in that JVM.
 *
 * <p>Why one per JVM and not one per task or partition: building a model reads the weights, loads
 * libtorch's natives and compiles the network (seconds), and each instance holds its own native
 * memory. {@code Srgrn} is thread-safe (calls into the network are serialised per instance, which
 * is also what keeps the activation memory to one forward pass), so concurrent tasks of one
 * executor share it. The models are closed when the JVM exits.
 *
 * <p>A model that fails to build is not cached: the failure reaches the task (a wrong model name or
 * weights path is a job error, not an image error) and Spark's task retry may try again.
 */
public final class ExecutorModels {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorModels.class);
    private static final Map<ModelSettings, Srgrn> MODELS = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(ExecutorModels::closeAll, "srgrn-models-close"));
    }

    private ExecutorModels() {}

    /** The model for {@code settings} in this JVM, built on first use. */
    public static Srgrn get(ModelSettings settings) {
        return MODELS.computeIfAbsent(
                settings,
                s -> {
                    long t0 = System.nanoTime();
                    Srgrn model = s.open();
                    LOADS.incrementAndGet();
                    LOG.info(
                            "SRGRN loaded once for this JVM in {} ms: {} on {} ({})",
                            (System.nanoTime() - t0) / 1_000_000,
                            model.weightsSource(),
                            model.backend().name(),
                            s.describe());
                    return model;
                });
    }

    /** How many models this JVM has built so far (one per distinct settings when all goes well). */
    public static int loads() {
        return LOADS.get();
    }

    private static void closeAll() {
        MODELS.values()
                .forEach(
                        m -> {
                            try {
                                m.close();
                            } catch (RuntimeException e) {
                                LOG.warn(
                                        "closing an SRGRN model at JVM exit failed: {}",
                                        e.toString());
                            }
                        });
        MODELS.clear();
    }
}
