package dev.driftwatch.baseline;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Expands a configured entry (file, directory or glob with {@code **}) into the state files it names.
 * {@code **}{@code /} also matches no directory at all, as in shells and {@code .gitignore}, and files
 * under {@code .terraform/} (Terraform's own backend settings, not a state of resources) are skipped.
 */
final class StateFiles {

    private StateFiles() {}

    static List<Path> expand(String entry) throws IOException {
        if (!hasGlob(entry)) {
            Path path = Path.of(entry);
            // A file that does not exist is listed all the same: reading it says "file not found", naming it.
            return Files.isDirectory(path)
                    ? walk(path, p -> p.getFileName().toString().endsWith(".tfstate"))
                    : List.of(path);
        }
        Path base = globBase(entry);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        String pattern = Path.of(entry).toAbsolutePath().normalize().toString();
        PathMatcher anyDepth = matcher(pattern);
        PathMatcher noDepth = matcher(pattern.replace("**/", ""));
        return walk(base, p -> anyDepth.matches(p) || noDepth.matches(p));
    }

    /** Why {@link #expand} found nothing, in words that point at the fix. */
    static String lookedFor(String entry) {
        if (hasGlob(entry)) {
            Path base = globBase(entry);
            return Files.isDirectory(base)
                    ? "no file matches the glob below " + base
                    : "no file matches the glob: its base directory " + base + " does not exist";
        }
        return Files.isDirectory(Path.of(entry)) ? "no *.tfstate file in the directory" : "no such file or directory";
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    private static List<Path> walk(Path base, Predicate<Path> wanted) throws IOException {
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.toAbsolutePath().normalize())
                    .filter(p -> !insideTerraformDir(p))
                    .filter(wanted)
                    .sorted()
                    .toList();
        }
    }

    private static boolean insideTerraformDir(Path file) {
        for (Path part : file) {
            if (part.toString().equals(".terraform")) {
                return true;
            }
        }
        return false;
    }

    /** The directory part before the first glob character: where the walk starts. */
    private static Path globBase(String entry) {
        String prefix = entry.substring(0, firstGlobChar(entry));
        int slash = prefix.lastIndexOf('/');
        return Path.of(slash < 0 ? "" : prefix.substring(0, slash + 1))
                .toAbsolutePath()
                .normalize();
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
