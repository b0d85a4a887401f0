import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Inclusive CPU shares of a JFR recording: for each method, the share of execution samples that
 * have it anywhere in their stack (what it and everything it calls take). Read with the JDK's own
 * reader, whole stacks: `jfr print` keeps only the top 5 frames, too few for anything but self time.
 * Usage: java bench/JfrShares.java REC.jfr PREFIX...   (the share of each class-name prefix)
 *        java bench/JfrShares.java REC.jfr --methods   (every method, "share<TAB>method", for diffs)
 */
public class JfrShares {

    public static void main(String[] args) throws Exception {
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        Map<String, Integer> byMethod = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            total++;
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                seen.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
            seen.forEach(method -> byMethod.merge(method, 1, Integer::sum));
        }
        if (args.length > 1 && args[1].equals("--methods")) {
            for (var entry : byMethod.entrySet()) {
                System.out.printf("%.5f\t%s%n", entry.getValue() / (double) total, entry.getKey());
            }
            return;
        }
        System.out.printf("  %d samples, whole stacks; samples with a frame of (the package and what it calls):%n", total);
        for (int i = 1; i < args.length; i++) {
            String[] prefixAndName = args[i].split("=", 2);
            int with = 0;
            for (RecordedEvent event : events) {
                if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null
                        && event.getStackTrace().getFrames().stream()
                                .anyMatch(f -> f.getMethod().getType().getName().startsWith(prefixAndName[0]))) {
                    with++;
                }
            }
            System.out.printf("    %5.1f%%  %s (%s*)%n", 100.0 * with / total,
                    prefixAndName.length > 1 ? prefixAndName[1] : prefixAndName[0], prefixAndName[0]);
        }
    }
}
