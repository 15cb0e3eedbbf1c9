package dev.driftwatch.baseline;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Expands a configured entry (file, directory or glob with {@code **}) into the state files it names. */
final class StateFiles {

    private StateFiles() {
    }

    static List<Path> expand(String entry) throws IOException {
        if (!hasGlob(entry)) {
            Path path = Path.of(entry);
            return Files.isDirectory(path) ? walk(path, FileSystems.getDefault().getPathMatcher("glob:**.tfstate")) : List.of(path);
        }
        Path base = globBase(entry);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + Path.of(entry).toAbsolutePath().normalize());
        return walk(base, matcher);
    }

    private static List<Path> walk(Path base, PathMatcher matcher) throws IOException {
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.toAbsolutePath().normalize())
                    .filter(matcher::matches)
                    .sorted()
                    .toList();
        }
    }

    /** The directory part before the first glob character: where the walk starts. */
    private static Path globBase(String entry) {
        String prefix = entry.substring(0, firstGlobChar(entry));
        int slash = prefix.lastIndexOf('/');
        return Path.of(slash < 0 ? "" : prefix.substring(0, slash + 1)).toAbsolutePath().normalize();
    }

    private static int firstGlobChar(String entry) {
        for (int i = 0; i < entry.length(); i++) {
            if ("*?[{".indexOf(entry.charAt(i)) >= 0) {
                return i;
            }
        }
        return entry.length();
    }

    private static boolean hasGlob(String entry) {
        return firstGlobChar(entry) < entry.length();
    }
}
