package io.strangler.runbook.definition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The runbooks shipped in a folder ({@code *.yaml} directly in it), each validated when listed. */
public final class RunbookLibrary {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.ya?ml");

    private final Path directory;
    private final RunbookParser parser;

    public RunbookLibrary(Path directory, RunbookParser parser) {
        this.directory = directory;
        this.parser = parser;
    }

    /**
     * One file of the folder.
     *
     * @param file        its name, e.g. {@code catalog.yaml}
     * @param name        the runbook's name, null when invalid
     * @param description null when invalid or absent
     * @param steps       number of forward steps, 0 when invalid
     * @param errors      why it is invalid, empty when valid
     */
    public record Entry(String file, String name, String description, int steps, List<RunbookError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** @return every runbook file, sorted by name; empty when the folder does not exist */
    public List<Entry> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> FILE_NAME.matcher(f.getFileName().toString()).matches()).sorted()
                    .map(this::entry).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the text of {@code file} when it is a runbook file of the folder (no path, no other folder) */
    public Optional<String> text(String file) {
        if (file == null || !FILE_NAME.matcher(file).matches() || !Files.isRegularFile(directory.resolve(file))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(directory.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Entry entry(Path file) {
        String name = file.getFileName().toString();
        try {
            Runbook runbook = parser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
            return new Entry(name, runbook.name(), runbook.description(), (int) runbook.steps().count(), List.of());
        } catch (InvalidRunbookException invalid) {
            return new Entry(name, null, null, 0, invalid.errors());
        } catch (IOException e) {
            return new Entry(name, null, null, 0, List.of(new RunbookError(0, 0, "$", "unreadable: " + e.getMessage())));
        }
    }
}
