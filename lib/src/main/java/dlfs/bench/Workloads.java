package dlfs.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The benchmark's workloads by name, and how their metrics line up with the numpy reference's keys. */
final class Workloads {
    private static final Map<String, Callable<Map<String, Double>>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("matmul", Benchmark::matmul);
    }

    private Workloads() {
    }

    static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    static Map<String, Double> run(String name) throws Exception {
        Callable<Map<String, Double>> w = ALL.get(name);
        if (w == null) throw new IllegalArgumentException("unknown workload '" + name + "'; choose from " + ALL.keySet());
        return w.call();
    }

    static List<String> numpyArgs(String workload) {
        return List.of();
    }

    /** The numpy JSON key that matches one of our metrics. */
    static String numpyKey(String workload, String metric) {
        if (metric.startsWith("GFLOPS 1024^3 float64")) return "gflops_1024_float64";
        if (metric.startsWith("us/call (")) {
            String[] p = metric.replaceAll("[^0-9x]+", " ").trim().split("\\s+");
            // "(100x784)@(784x50)" -> 100x784 784x50 -> us_100x784x50
            if (p.length == 2) return "us_" + p[0] + "x" + p[1].substring(p[1].indexOf('x') + 1);
        }
        if (metric.startsWith("us/call x.T@dout")) return "us_784x100x50";
        return metric;
    }

    static boolean higherIsBetter(String metric) {
        return metric.startsWith("GFLOPS") || metric.contains("acc");
    }
}
