package io.camelwechat.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The push crypto against known answers computed with openssl and sha1sum, and the deliberately broken pushes. */
class WeChatPushesTest {

    static final String TOKEN = "pushtoken";
    /** The sample key of WeChat's own docs; any 43 Base64 characters are a key. */
    static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String COMPONENT = "wxcomponent000001";
    static final long TIMESTAMP = 1709251200L;
    static final String NONCE = "1234567890";
    static final byte[] RANDOM16 = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    /*
     * The vectors below were computed once with this script (bash, openssl 3, GNU coreutils); the second one
     * uses TICKET=ticket@@@abcde, which makes the plaintext a multiple of 32 bytes, so a whole block of 32 is padded:
     *
     *   TOKEN=pushtoken; KEY=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG; APPID=wxcomponent000001
     *   TS=1709251200; NONCE=1234567890
     *   MSG='<xml><AppId><![CDATA[wxcomponent000001]]></AppId><CreateTime>1709251200</CreateTime><InfoType><![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA[ticket@@@abc]]></ComponentVerifyTicket></xml>'
     *   KEYHEX=$(printf '%s=' "$KEY" | base64 -d | xxd -p -c64); IVHEX=${KEYHEX:0:32}
     *   LEN=$(printf '%s' "$MSG" | wc -c); PAD=$((32 - (16 + 4 + LEN + ${#APPID}) % 32))
     *   { printf '000102030405060708090a0b0c0d0e0f%08x' "$LEN" | xxd -r -p; printf '%s%s' "$MSG" "$APPID";
     *     for i in $(seq $PAD); do printf "\\x$(printf %02x $PAD)"; done; } > plain.bin
     *   ENC=$(openssl enc -aes-256-cbc -K "$KEYHEX" -iv "$IVHEX" -nopad -in plain.bin | base64 -w0)
     *   printf '%s\n' "$TOKEN" "$TS" "$NONCE" | LC_ALL=C sort | tr -d '\n' | sha1sum            # signature
     *   printf '%s\n' "$TOKEN" "$TS" "$NONCE" "$ENC" | LC_ALL=C sort | tr -d '\n' | sha1sum     # msg_signature
     */
    static final String MESSAGE_PAD_2 = ticketMessage("ticket@@@abc");
    static final String ENCRYPT_PAD_2 = "IG+0eOkLdhYW9kHtuT3HYyoZoBbJzYRDtsgxN/ELkbUHW7wD6szvV1jOKaPkqd2i9/BosUS0ug7PgY58p0oZ2qUOrI/VVrj1uOEIIF2oiIyCVAwcM7SE1UC9qWnIwOIbFsh+6vlTZnbAE0aCwgCEzkyoMbptsikiC6k/h+rHhsQTaSkmfmHXj4E0/ZG+mDII4C5hgdlCj8qH1tLKSXtkgJZal46fxzsLYE0ntICCWY6jO9CdcVwf0nygNtD8fPNmgWgfTRaT8Lw0uXeG84FaZDF1LvwhUOTWcxw2hsCT0yL60w6CfQIXbVYpwpooyMgXAJQcknEDNiURRrHKgMl6XQ==";
    static final String MSG_SIGNATURE_PAD_2 = "30f28324f9b0cb70057228d93d49df1ec2899287";
    static final String MESSAGE_PAD_32 = ticketMessage("ticket@@@abcde");
    static final String ENCRYPT_PAD_32 = "IG+0eOkLdhYW9kHtuT3HY/qRQCWrq6shZC2h+jI0mlg6ayQrHpMWktZulhd6v6uov812AaWDuUSwJec0uP6BY1luIeovhVtx+uK//M7XdDDxf3/Z94oa3DfZ5SCdV1cNvUi/7MNTsLO0ErAE/aJiOPOmtV7Vd4P/jnI9XW514eaMJv93K/m7MgdvzwKis0vCIgyCDup50+byVGwO9CGzpV1nKFtKSJw063LjZCeFr2/9Xl0VBlzu9bPvRepZxWH0qeaaq6hqAzQgehO1LGHKCAX7+eK8edLd/uOZEfVXO3MZVFHbuAxKJGrATdxH3A+6EilON1Bv7NNOIdJ4QyCb9loz4NJimTZy3wylTSuDVQX04VKPX4T/HMqq+1ii4ZEc";
    static final String MSG_SIGNATURE_PAD_32 = "231d19fb8081c8526386d0500a2fc686841dcd2d";
    static final String SIGNATURE = "354601e32b5298a6a9e0db946e7314bb25418dad";

    static String ticketMessage(String ticket) {
        return "<xml><AppId><![CDATA[wxcomponent000001]]></AppId><CreateTime>1709251200</CreateTime>"
                + "<InfoType><![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA["
                + ticket + "]]></ComponentVerifyTicket></xml>";
    }

    private static WeChatPushes.SignedPush known(String message) {
        return WeChatPushes.builder(TOKEN, KEY).receiveId(COMPONENT).timestamp(TIMESTAMP).nonce(NONCE)
                .random16(RANDOM16).build(message);
    }

    @Test
    void matchesTheOpensslVectorWithTwoPaddingBytes() {
        WeChatPushes.SignedPush push = known(MESSAGE_PAD_2);
        assertEquals("<xml><AppId><![CDATA[wxcomponent000001]]></AppId><Encrypt><![CDATA[" + ENCRYPT_PAD_2
                + "]]></Encrypt></xml>", push.body());
        assertEquals(String.valueOf(TIMESTAMP), push.timestamp());
        assertEquals(NONCE, push.nonce());
        assertEquals(SIGNATURE, push.signature());
        assertEquals(MSG_SIGNATURE_PAD_2, push.msgSignature());
    }

    @Test
    void matchesTheOpensslVectorWithAWholeBlockOfPadding() {
        WeChatPushes.SignedPush push = known(MESSAGE_PAD_32);
        assertTrue(push.body().contains("<Encrypt><![CDATA[" + ENCRYPT_PAD_32 + "]]></Encrypt>"), push.body());
        assertEquals(SIGNATURE, push.signature());
        assertEquals(MSG_SIGNATURE_PAD_32, push.msgSignature());
        IndependentPushCrypto.Opened opened = IndependentPushCrypto.open(KEY, ENCRYPT_PAD_32);
        assertEquals(MESSAGE_PAD_32, opened.message());
        assertEquals(COMPONENT, opened.receiveId());
    }

    @Test
    void queryHasWeChatsParametersInOrder() {
        WeChatPushes.SignedPush push = known(MESSAGE_PAD_2);
        assertEquals(List.of("signature", "timestamp", "nonce", "encrypt_type", "msg_signature"),
                List.copyOf(push.query().keySet()));
        assertEquals("aes", push.query().get("encrypt_type"));
        assertEquals("http://127.0.0.1:1/cb?signature=" + SIGNATURE + "&timestamp=1709251200&nonce=1234567890"
                + "&encrypt_type=aes&msg_signature=" + MSG_SIGNATURE_PAD_2, push.uri("http://127.0.0.1:1/cb").toString());
        assertTrue(push.uri("http://127.0.0.1:1/cb?x=1").toString().startsWith("http://127.0.0.1:1/cb?x=1&signature="));
    }

    @Test
    void staticBuildIsCorrectWithARandomPrefixAndTakesToUserNameFromTheMessage() {
        String message = "<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><Event><![CDATA[x]]></Event></xml>";
        WeChatPushes.SignedPush push = WeChatPushes.build(TOKEN, KEY, "wxapp", message, TIMESTAMP, NONCE);
        String encrypt = push.body().replaceAll(".*<Encrypt><!\\[CDATA\\[(.*)]]></Encrypt>.*", "$1");
        assertTrue(push.body().startsWith("<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><Encrypt>"));
        IndependentPushCrypto.Opened opened = IndependentPushCrypto.open(KEY, encrypt);
        assertEquals(message, opened.message());
        assertEquals("wxapp", opened.receiveId());
        assertEquals(WeChatPushes.signature(TOKEN, String.valueOf(TIMESTAMP), NONCE, encrypt), push.msgSignature());
    }

    @Test
    void brokenPushesForNegativeTests() {
        String badPadding = encryptOf(WeChatPushes.builder(TOKEN, KEY).receiveId(COMPONENT).paddingByte(0)
                .build(MESSAGE_PAD_2));
        assertEquals("bad padding 0", IndependentPushCrypto.open(KEY, badPadding).error());
        String tooLong = encryptOf(WeChatPushes.builder(TOKEN, KEY).receiveId(COMPONENT).paddingByte(33)
                .build(MESSAGE_PAD_2));
        assertEquals("bad padding 33", IndependentPushCrypto.open(KEY, tooLong).error());

        String wrongAppId = encryptOf(WeChatPushes.build(TOKEN, KEY, "wxsomeoneelse", MESSAGE_PAD_2, TIMESTAMP, NONCE));
        assertEquals("wxsomeoneelse", IndependentPushCrypto.open(KEY, wrongAppId).receiveId());

        WeChatPushes.SignedPush outer = WeChatPushes.builder(TOKEN, KEY).receiveId(COMPONENT)
                .outerElement("ToUserName", "gh_x").build(MESSAGE_PAD_2);
        assertTrue(outer.body().startsWith("<xml><ToUserName><![CDATA[gh_x]]></ToUserName>"));
        assertThrows(IllegalArgumentException.class, () -> WeChatPushes.builder(TOKEN, KEY).paddingByte(256));
        assertThrows(IllegalStateException.class, () -> WeChatPushes.builder(TOKEN, KEY).build(MESSAGE_PAD_2));
    }

    @Test
    void encodingAesKeyMustBe43Base64Characters() {
        assertThrows(IllegalArgumentException.class, () -> WeChatPushes.builder(TOKEN, KEY.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> WeChatPushes.builder(TOKEN, KEY + "A"));
        assertThrows(IllegalArgumentException.class, () -> WeChatPushes.builder(TOKEN, KEY.substring(1) + "="));
        assertThrows(IllegalArgumentException.class, () -> WeChatPushes.builder(TOKEN, KEY.substring(1) + "-"));
        assertThrows(IllegalArgumentException.class, () -> WeChatPushes.builder(TOKEN, null));
    }

    @Test
    void signatureSortsByUtf8BytesNotByJavaChars() throws Exception {
        String fullwidthA = "\uFF21";        // UTF-8 EF BC A1, UTF-16 FF21
        String emoji = "\uD83D\uDE00";       // UTF-8 F0 9F 98 80, UTF-16 D83D DE00: Java's order would put it first
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest((fullwidthA + emoji).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, WeChatPushes.signature(emoji, fullwidthA));
        assertEquals(SIGNATURE, WeChatPushes.signature(NONCE, TOKEN, String.valueOf(TIMESTAMP)));
    }

    @Test
    void cdataEscapesTheTerminator() {
        assertEquals("<![CDATA[a]]]]><![CDATA[>b]]>", PushXml.cdata("a]]>b"));
    }

    private static String encryptOf(WeChatPushes.SignedPush push) {
        return push.body().replaceAll(".*<Encrypt><!\\[CDATA\\[(.*)]]></Encrypt>.*", "$1");
    }
}
