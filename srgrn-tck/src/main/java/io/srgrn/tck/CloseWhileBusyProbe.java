package io.srgrn.tck;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run by {@link ModuleContractKit} in a child JVM: threads loop over forward passes of one module
 * while the main thread closes its context. Before the fix of issue 11 this crashed the process
 * (SIGSEGV in libtorch: a forward pass on freed memory). Prints {@link #OK} when every call
 * returned the output it returns alone or was refused because the module was closed, and the
 * counts; exits non-zero otherwise. Arguments: the backend's class name and the device.
 */
public final class CloseWhileBusyProbe {
    static final String OK = "CLOSE_WHILE_BUSY=ok";
    static final String REFUSED = "REFUSED=";
    private static final int THREADS = 3;

    private CloseWhileBusyProbe() {}

    public static void main(String[] args) throws Exception {
        Backend backend = instantiate(args[0]);
        SrgrnSpec spec = new SrgrnSpec(SrgrnConfig.compact(2));
        Tensor input = Tensor.uniform(new SplittableRandom(1), 0, 1, new int[] {1, 3, 24, 24});
        BackendContext context = backend.open(Device.parse(args[1]), BackendOptions.defaults());
        Module module = context.compile(spec, SeededTensors.parameters(spec, 2));
        Tensor expected = module.forward(input);

        CountDownLatch running = new CountDownLatch(THREADS);
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread =
                    new Thread(
                            () -> {
                                running.countDown();
                                try {
                                    while (true) {
                                        Tensor out = module.forward(input);
                                        if (!out.bitEquals(expected)
                                                && Device.parse(args[1]).isCpu()) {
                                            failures.add(
                                                    new AssertionError(
                                                            "a forward pass returned another output"));
                                        }
                                        completed.incrementAndGet();
                                    }
                                } catch (IllegalStateException e) {
                                    if (e.getMessage() != null
                                            && e.getMessage().contains("closed")) {
                                        refused.incrementAndGet();
                                    } else {
                                        failures.add(e);
                                    }
                                } catch (Throwable e) {
                                    failures.add(e);
                                }
                            },
                            "forward-" + t);
            threads.add(thread);
            thread.start();
        }
        running.await();
        Thread.sleep(50); // the threads are now queued on, or inside, a forward pass
        context.close();
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(4));
            if (thread.isAlive()) {
                failures.add(new AssertionError(thread.getName() + " still runs after the close"));
            }
        }
        System.out.println("COMPLETED=" + completed.get());
        System.out.println(REFUSED + refused.get());
        failures.forEach(Throwable::printStackTrace);
        if (!failures.isEmpty()) {
            System.exit(1);
        }
        System.out.println(OK);
    }

    private static Backend instantiate(String className) throws ReflectiveOperationException {
        Constructor<?> constructor = Class.forName(className).getDeclaredConstructor();
        constructor.setAccessible(true);
        return (Backend) constructor.newInstance();
    }
}
