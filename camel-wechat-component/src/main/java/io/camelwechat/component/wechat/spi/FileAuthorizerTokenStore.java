package io.camelwechat.component.wechat.spi;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps authorizer refresh tokens in a file, rewritten atomically on every rotation, so that they survive a
 * restart. One file serves one JVM; share a database-backed {@link AuthorizerTokenStore} between nodes instead.
 */
public final class FileAuthorizerTokenStore implements AuthorizerTokenStore {

    private final KeyValueFile file;

    public FileAuthorizerTokenStore(Path file) {
        this.file = new KeyValueFile(file);
    }

    /** For bean definitions in YAML or properties: the file's path. */
    public FileAuthorizerTokenStore(String file) {
        this(Path.of(file));
    }

    @Override
    public Optional<String> loadRefreshToken(String componentAppId, String authorizerAppId) {
        return file.get(componentAppId + "/" + authorizerAppId);
    }

    @Override
    public void saveRefreshToken(String componentAppId, String authorizerAppId, String refreshToken) {
        file.put(componentAppId + "/" + authorizerAppId, refreshToken);
    }

    @Override
    public String toString() {
        return "FileAuthorizerTokenStore[" + file + "]";
    }
}
