package io.camelwechat.component.wechat.spi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file-backed stores keep what they were given across instances (a restart) and keep it private. */
class FileStoresTest {

    @TempDir
    Path folder;

    @Test
    void verifyTickets_surviveARestart_andABlankTicketNeverReplacesTheLastGoodOne() {
        Path file = folder.resolve("tickets.properties");
        new FileVerifyTicketStore(file).save("wxcomponent1", "ticket@@@first");
        FileVerifyTicketStore restarted = new FileVerifyTicketStore(file);

        restarted.save("wxcomponent1", " ");

        assertEquals("ticket@@@first", restarted.load("wxcomponent1").orElseThrow());
        assertTrue(restarted.load("wxcomponent2").isEmpty());
    }

    @Test
    void authorizerRefreshTokens_surviveARestart_perComponentAndAuthorizer() throws Exception {
        Path file = folder.resolve("nested").resolve("authorizers.properties");
        FileAuthorizerTokenStore store = new FileAuthorizerTokenStore(file);
        store.saveRefreshToken("wxcomponent1", "wxshop", "refresh-1");
        store.saveRefreshToken("wxcomponent1", "wxcafe", "refresh-2");
        store.saveRefreshToken("wxcomponent1", "wxshop", "refresh-3");

        FileAuthorizerTokenStore restarted = new FileAuthorizerTokenStore(file);

        assertEquals("refresh-3", restarted.loadRefreshToken("wxcomponent1", "wxshop").orElseThrow());
        assertEquals("refresh-2", restarted.loadRefreshToken("wxcomponent1", "wxcafe").orElseThrow());
        assertTrue(restarted.loadRefreshToken("wxcomponent2", "wxshop").isEmpty());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(file), "credentials are readable by their owner only");
        }
        try (var leftovers = Files.list(file.getParent())) {
            assertEquals(1, leftovers.count(), "no temporary file is left behind");
        }
    }
}
