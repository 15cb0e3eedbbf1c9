package dev.driftwatch.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Run by bin/bench-state-parse: reads one state file through the service's own path (file source, parser,
 * cache), then again unchanged, and prints time, peak heap and the heap the parsed resources keep.
 */
public final class StateParseBench {

    private StateParseBench() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        BaselineReader reader = new BaselineReader(
                List.of(new FileStateSource(state.toString(), StateLocations.defaults(Optional.of("111122223333"), Optional.empty()))),
                new ObjectMapper(), new SimpleMeterRegistry());
        System.gc();
        long before = usedHeap();
        resetPeaks();

        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long processCpuStart = processCpu();
        BaselineSnapshot snapshot = reader.load();
        double parseSeconds = (System.nanoTime() - start) / 1e9;
        double parseCpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double processCpuSeconds = (processCpu() - processCpuStart) / 1e9; // with GC and JIT threads
        long peak = peakHeap();
        if (!snapshot.errors().isEmpty()) {
            throw new IllegalStateException(snapshot.errors().toString());
        }
        System.gc();
        long retained = usedHeap() - before;

        start = System.nanoTime();
        BaselineSnapshot again = reader.load();
        double unchangedSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("{\"state_mb\": %.1f, \"instances\": %d, \"parse_s\": %.2f, \"parse_cpu_s\": %.2f, \"process_cpu_s\": %.2f, \"peak_heap_mb\": %d, \"retained_heap_mb\": %d,"
                        + " \"unchanged_reload_s\": %.3f, \"max_heap_mb\": %d, \"load_average\": \"%s\"}%n",
                Files.size(state) / 1048576.0, again.resources().size(), parseSeconds, parseCpuSeconds, processCpuSeconds, peak >> 20, retained >> 20, unchangedSeconds,
                Runtime.getRuntime().maxMemory() >> 20,
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of each heap pool's peak: an upper bound of the heap in use at any one moment. */
    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long usedHeap() {
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
