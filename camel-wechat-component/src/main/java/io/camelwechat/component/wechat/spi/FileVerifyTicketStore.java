package io.camelwechat.component.wechat.spi;

import java.nio.file.Path;
import java.util.Optional;

/** Keeps verify tickets in a file, so that a restart does not wait up to 10 minutes for the next push. */
public final class FileVerifyTicketStore implements VerifyTicketStore {

    private final KeyValueFile file;

    public FileVerifyTicketStore(Path file) {
        this.file = new KeyValueFile(file);
    }

    /** For bean definitions in YAML or properties: the file's path. */
    public FileVerifyTicketStore(String file) {
        this(Path.of(file));
    }

    @Override
    public Optional<String> load(String componentAppId) {
        return file.get(componentAppId);
    }

    @Override
    public void save(String componentAppId, String ticket) {
        if (ticket != null && !ticket.isBlank()) {
            file.put(componentAppId, ticket);
        }
    }

    @Override
    public String toString() {
        return "FileVerifyTicketStore[" + file + "]";
    }
}
