package io.srgrn.backend.javacpp;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.tensor.Tensor;
import java.util.Map;
import java.util.Random;

public class JcppRepro {
    static volatile boolean stop;
    public static void main(String[] a) throws Exception {
        int runs = Integer.parseInt(a[0]);
        int burners = Integer.parseInt(a[1]);
        boolean gc = Boolean.parseBoolean(a[2]);
        int threads = Integer.parseInt(a[3]);
        for (int i = 0; i < burners; i++) {
            Thread t = new Thread(() -> { double x = 0; while (!stop) { x += Math.sin(x); } });
            t.setDaemon(true); t.start();
        }
        if (gc) {
            Thread t = new Thread(() -> { while (!stop) { System.gc(); try { Thread.sleep(1); } catch (InterruptedException e) { return; } } });
            t.setDaemon(true); t.start();
        }
        boolean fresh = a.length > 4 && a[4].equals("fresh");
        BackendContext ctx0 = fresh ? null : new JavaCppBackend().open(Device.CPU, new BackendOptions(threads));
        if (System.getProperty("nomkldnn") != null) { ctx0Probe(threads); org.bytedeco.pytorch.global.torch.globalContext().setUserEnabledMkldnn(false); System.out.println("mkldnn enabled: " + org.bytedeco.pytorch.global.torch.globalContext().userEnabledMkldnn()); }
        SrgrnConfig config = SrgrnConfig.compact(2);
        SrgrnSpec spec = new SrgrnSpec(config);
        int bad = 0;
        Random r = new Random(1);
        for (int run = 0; run < runs; run++) {
            if (a.length > 4 && a[4].equals("setthreads")) { new JavaCppBackend().open(Device.CPU, new BackendOptions(Integer.parseInt(a[5]))).close(); }
            BackendContext ctx = fresh ? new JavaCppBackend().open(Device.CPU, new BackendOptions(threads)) : ctx0;
            try (Module m = ctx.compile(spec, Initializer.initialize(spec, run))) {
                Tensor lr = rand(r, 2, 3, 6, 6), hr = rand(r, 2, 3, 12, 12);
                
                float l0 = m.trainStep(lr, hr, AdamSettings.paper(), 4e-4);
                String where = nonFinite("param", m.parameters()) ;
                OptimizerState st = m.optimizerState();
                String w2 = nonFinite("m1", st.firstMoment()) + nonFinite("m2", st.secondMoment());
                float l1 = m.trainStep(lr, hr, AdamSettings.paper(), 4e-4);
                if (!Float.isFinite(l0) || !Float.isFinite(l1) || !where.isEmpty() || !w2.isEmpty()) {
                    bad++;
                    System.out.println("run " + run + ": l0=" + l0 + " l1=" + l1 + " " + (where + " " + w2).substring(0, Math.min(300, (where + " " + w2).length())));
                }
            } finally { if (fresh) ctx.close(); }
        }
        stop = true;
        System.out.println("BAD " + bad + " / " + runs);
        System.exit(0);
    }
    static void ctx0Probe(int threads) { new JavaCppBackend().open(Device.CPU, new BackendOptions(threads)).close(); }
    static Tensor rand(Random r, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = r.nextFloat();
        return t;
    }
    static String nonFinite(String what, Map<String, Tensor> ts) {
        StringBuilder sb = new StringBuilder();
        ts.forEach((k, t) -> { int n = 0; float mx = 0; for (float f : t.data()) { if (!Float.isFinite(f)) n++; else mx = Math.max(mx, Math.abs(f)); }
            if (n > 0 || mx > 1e6) sb.append(what).append(':').append(k).append("(nonfinite=").append(n).append(",max=").append(mx).append(") "); });
        return sb.toString();
    }
}

