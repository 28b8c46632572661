package io.camelwechat.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds signed, encrypted WeChat pushes (safe mode, wechat-api-facts.md section 4) exactly as the simulator
 * sends them, for tests that post pushes themselves: arbitrary messages, and deliberately broken ones (wrong
 * token, wrong appid, bad padding, tampered signature).
 *
 * <pre>{@code
 * SignedPush push = WeChatPushes.build(token, encodingAesKey, componentAppId, plaintextXml, 1700000000L, "123456");
 * HttpRequest.newBuilder(push.uri(callbackUrl)).POST(BodyPublishers.ofString(push.body())).build();
 *
 * SignedPush badPadding = WeChatPushes.builder(token, encodingAesKey)
 *         .receiveId(componentAppId).paddingByte(0).build(plaintextXml);
 * }</pre>
 *
 * <p>The outer body is {@code <xml><ToUserName>..</ToUserName><Encrypt>..</Encrypt></xml>}, or with
 * {@code <AppId>} instead of {@code <ToUserName>} when the plaintext is a third-party platform push (its
 * first element is {@code <AppId>}); the value is copied from the plaintext. Thread-safe.
 */
public final class WeChatPushes {

    private static final Pattern TO_USER_NAME = Pattern.compile("<ToUserName>\\s*<!\\[CDATA\\[(.*?)]]>");
    private static final Pattern APP_ID = Pattern.compile("^\\s*<xml>\\s*<AppId>\\s*<!\\[CDATA\\[(.*?)]]>",
            Pattern.DOTALL);
    private static final RandomIds RANDOM = new RandomIds(new SecureRandom());

    private WeChatPushes() {
    }

    /**
     * A push as WeChat sends it: what to POST ({@link #body()}) and the query parameters that go with it
     * ({@link #query()}).
     *
     * @param body         the outer XML, {@code <xml><ToUserName|AppId>..</..><Encrypt>..</Encrypt></xml>}
     * @param timestamp    epoch seconds, as a string
     * @param nonce        the nonce
     * @param signature    hex SHA-1 of the sorted token, timestamp and nonce
     * @param msgSignature hex SHA-1 of the sorted token, timestamp, nonce and Encrypt value
     */
    public record SignedPush(String body, String timestamp, String nonce, String signature, String msgSignature) {

        /** {@code signature, timestamp, nonce, encrypt_type=aes, msg_signature}, in that order. */
        public Map<String, String> query() {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("signature", signature);
            query.put("timestamp", timestamp);
            query.put("nonce", nonce);
            query.put("encrypt_type", "aes");
            query.put("msg_signature", msgSignature);
            return query;
        }

        /** {@link #query()} URL-encoded, without the leading {@code ?}. */
        public String queryString() {
            return query().entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }

        /** The callback URL with the query appended (after {@code &} if it already has a query). */
        public URI uri(String callbackUrl) {
            return URI.create(callbackUrl + (callbackUrl.contains("?") ? "&" : "?") + queryString());
        }
    }

    /**
     * A correct push: encrypted for {@code receiveId} (the appid; the component appid for third-party
     * platform pushes) with a random prefix from {@link SecureRandom}, and signed.
     *
     * @throws IllegalArgumentException unless encodingAesKey is 43 Base64 characters
     */
    public static SignedPush build(String token, String encodingAesKey, String receiveId, String plaintextXml,
                                   long timestamp, String nonce) {
        return builder(token, encodingAesKey).receiveId(receiveId).timestamp(timestamp).nonce(nonce)
                .build(plaintextXml);
    }

    /** For pushes that need more control: a fixed random prefix, a broken padding, another outer element. */
    public static Builder builder(String token, String encodingAesKey) {
        return new Builder(token, new PushCrypto(encodingAesKey));
    }

    /**
     * Lower-case hex SHA-1 of the parts sorted byte-wise and joined: {@code signature(token, timestamp, nonce)}
     * is the push's {@code signature}, adding the Encrypt value gives its {@code msg_signature}, and the same
     * rule signs encrypted replies.
     */
    public static String signature(String... parts) {
        for (String part : parts) {
            Objects.requireNonNull(part, "signature part");
        }
        return PushCrypto.signature(parts);
    }

    /** Settings of one push; unset ones get defaults. Not thread-safe. */
    public static final class Builder {
        private final String token;
        private final PushCrypto crypto;
        private String receiveId;
        private long timestamp = System.currentTimeMillis() / 1000;
        private String nonce;
        private byte[] random16;
        private Integer paddingByte;
        private String outerName;
        private String outerValue;

        private Builder(String token, PushCrypto crypto) {
            this.token = Objects.requireNonNull(token, "token");
            this.crypto = crypto;
        }

        /**
         * The appid appended inside the plaintext (required). Pass another appid than the receiver's to build
         * a "wrong appid" push.
         */
        public Builder receiveId(String receiveId) {
            this.receiveId = Objects.requireNonNull(receiveId, "receiveId");
            return this;
        }

        /** Epoch seconds; default the real current time. */
        public Builder timestamp(long epochSeconds) {
            this.timestamp = epochSeconds;
            return this;
        }

        /** Default 10 random digits. */
        public Builder nonce(String nonce) {
            this.nonce = Objects.requireNonNull(nonce, "nonce");
            return this;
        }

        /** The 16 random bytes that start the plaintext; default from {@link SecureRandom}. Fixed ones give known answers. */
        public Builder random16(byte[] random16) {
            if (random16 == null || random16.length != PushCrypto.RANDOM_LENGTH) {
                throw new IllegalArgumentException("random16 must be 16 bytes");
            }
            this.random16 = random16.clone();
            return this;
        }

        /**
         * Writes {@code value} (0..255) into every padding byte instead of the pad length (1..32), for a
         * "bad padding" push: 0 or more than 32 is out of range, another value in range strips the wrong
         * number of bytes.
         */
        public Builder paddingByte(int value) {
            if (value < 0 || value > 255) {
                throw new IllegalArgumentException("paddingByte must be 0..255: " + value);
            }
            this.paddingByte = value;
            return this;
        }

        /**
         * The outer element next to {@code <Encrypt>}, e.g. {@code ("ToUserName", "gh_..")} or
         * {@code ("AppId", "wx..")}; default copied from the plaintext (see {@link WeChatPushes}).
         */
        public Builder outerElement(String name, String value) {
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("outer element name must be an XML name: " + name);
            }
            this.outerName = name;
            this.outerValue = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Encrypts and signs {@code plaintextXml}. */
        public SignedPush build(String plaintextXml) {
            Objects.requireNonNull(plaintextXml, "plaintextXml");
            if (receiveId == null) {
                throw new IllegalStateException("receiveId is required");
            }
            byte[] random = random16 != null ? random16 : RANDOM.bytes(PushCrypto.RANDOM_LENGTH);
            String encrypt = crypto.encrypt(plaintextXml, receiveId, random, paddingByte);
            String stamp = Long.toString(timestamp);
            String once = nonce != null ? nonce : RANDOM.digits(10);
            String name = outerName;
            String value = outerValue;
            if (name == null) {
                Matcher appId = APP_ID.matcher(plaintextXml);
                Matcher toUser = TO_USER_NAME.matcher(plaintextXml);
                name = appId.find() ? "AppId" : "ToUserName";
                value = "AppId".equals(name) ? appId.group(1) : toUser.find() ? toUser.group(1) : receiveId;
            }
            String body = "<xml><" + name + ">" + PushXml.cdata(value) + "</" + name + "><Encrypt>"
                    + PushXml.cdata(encrypt) + "</Encrypt></xml>";
            return new SignedPush(body, stamp, once, PushCrypto.signature(token, stamp, once),
                    PushCrypto.signature(token, stamp, once, encrypt));
        }
    }
}
