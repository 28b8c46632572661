package io.camelwechat.component.wechat.spi;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * A small properties file that survives restarts: every write replaces the file atomically (write a temporary
 * file, then rename), so a crash leaves either the old or the new content, never half of it. The file holds
 * credentials, so it is created readable by its owner only where the file system allows. Thread-safe within a
 * JVM; use one instance per file (two instances on one path would overwrite each other's updates).
 */
final class KeyValueFile {

    private final Path file;

    KeyValueFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    synchronized Optional<String> get(String key) {
        return Optional.ofNullable(read().getProperty(key));
    }

    synchronized void put(String key, String value) {
        Properties properties = read();
        properties.setProperty(key, value);
        write(properties);
    }

    private Properties read() {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return properties;
    }

    private void write(Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                restrictToOwner(temporary);
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                     Writer writer = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                    properties.store(writer, "camel-wechat: do not share, this file holds credentials");
                    writer.flush();
                    channel.force(true); // on disk before the rename makes it the store
                }
                try {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void restrictToOwner(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    @Override
    public String toString() {
        return "KeyValueFile[" + file + "]";
    }
}
