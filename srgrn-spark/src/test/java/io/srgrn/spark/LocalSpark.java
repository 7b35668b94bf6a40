package io.srgrn.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The tests' Spark: local mode with two task threads (as CI runs it), no web UI, bound to the
 * loopback address, few shuffle partitions. One session for the whole test JVM, so the executor
 * model cache is shared by every test, as it is by every task of a real executor.
 */
final class LocalSpark {
    private LocalSpark() {}

    static synchronized SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("srgrn-spark tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
