package dev.driftwatch.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One entry of {@code driftwatch.baseline.terraform.paths}: a file, a directory or a glob. */
record FileStateSource(String entry, StateLocations locations) implements StateSource {

    @Override
    public String label() {
        return "terraform.paths";
    }

    @Override
    public String id() {
        return entry;
    }

    @Override
    public String lookedFor() {
        return StateFiles.lookedFor(entry);
    }

    @Override
    public List<StateObject> states() throws StateFileException {
        try {
            return StateFiles.expand(entry).stream()
                    .<StateObject>map(StateFile::new)
                    .toList();
        } catch (IOException e) {
            throw new StateFileException(entry, "cannot list state files: " + e.getMessage());
        }
    }

    /** A local state; its version is size and modification time, which any rewrite changes. */
    record StateFile(Path path) implements StateObject {

        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public Optional<Download> openIfChanged(String knownVersion) throws StateFileException {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                // The inode too: tools that write a new file and rename it over the old one change it.
                String version = attributes.size() + "@"
                        + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "#" + attributes.fileKey();
                if (version.equals(knownVersion)) {
                    return Optional.empty();
                }
                InputStream body = Files.newInputStream(path);
                return Optional.of(new Download(version, body));
            } catch (NoSuchFileException e) {
                throw new StateFileException(name(), "file not found");
            } catch (IOException e) {
                throw new StateFileException(name(), "cannot be read: " + e.getMessage());
            }
        }
    }
}
