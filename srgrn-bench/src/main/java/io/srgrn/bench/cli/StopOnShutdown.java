package io.srgrn.bench.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ctrl-C or SIGTERM while long native work runs: the JVM's shutdown hook asks the work to stop at
 * its next safe point and waits for it before letting the JVM exit.
 *
 * <p>Why wait: when the hook returns, the JVM exits and libtorch's exit-time teardown runs while
 * the work's thread may still be inside a native step; that crashed the JVM (SIGSEGV in oneDNN, an
 * hs_err file) after an interrupted {@code srgrn train}. The wait is bounded ({@code
 * -Dsrgrn.stopWaitSeconds}, default 300) so that a stuck step cannot hold the process forever;
 * further Ctrl-Cs have no effect while the JVM shuts down, {@code kill -9} still ends it.
 *
 * <p>Close it once the work has returned (normally or stopped): that releases a waiting hook, or
 * removes the hook when no signal came.
 */
final class StopOnShutdown implements AutoCloseable {
    private static final long DEFAULT_WAIT_SECONDS = 300;

    private final CountDownLatch returned = new CountDownLatch(1);
    private final Thread hook;

    /**
     * @param command the command's name, which starts its lines
     * @param requestStop asks the work to stop at its next safe point; called on the hook's thread
     * @param farewell the last line the user sees, once the work has returned
     * @param err where the lines go
     */
    StopOnShutdown(
            String command, Runnable requestStop, Supplier<String> farewell, PrintWriter err) {
        long waitSeconds = Long.getLong("srgrn.stopWaitSeconds", DEFAULT_WAIT_SECONDS);
        hook =
                new Thread(
                        () -> {
                            err.println();
                            err.println(
                                    command
                                            + ": stopping after the current step and writing a checkpoint"
                                            + " there (kill -9 abandons it; the last checkpoint stays)");
                            err.flush();
                            requestStop.run();
                            if (!awaitReturn(waitSeconds)) {
                                err.println(
                                        command
                                                + ": the current step did not end within "
                                                + waitSeconds
                                                + " s; exiting without it");
                            }
                            err.println(farewell.get());
                            err.flush();
                        },
                        "srgrn-stop-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private boolean awaitReturn(long seconds) {
        try {
            return returned.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        returned.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs, now released, and says where to continue
        }
    }
}
