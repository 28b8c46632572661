package io.camelwechat.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The decrypted XML of the pushes the simulator sends: the {@code wxa_category_audit} event (seed 003, written
 * well-formed: the seed's example closes {@code <first>} with {@code </nickname>}) and the
 * {@code component_verify_ticket} notice (wechat-api-facts.md section 3).
 */
final class PushXml {

    static final String CATEGORY_AUDIT = "wxa_category_audit";
    static final String VERIFY_TICKET = "component_verify_ticket";

    private PushXml() {
    }

    static String categoryAudit(String appId, AuditCompletion audit) {
        return "<xml>"
                + "<ToUserName>" + cdata(originalId(appId)) + "</ToUserName>"
                + "<FromUserName>" + cdata(openId(appId)) + "</FromUserName>"
                + "<CreateTime>" + audit.at().getEpochSecond() + "</CreateTime>"
                + "<MsgType>" + cdata("event") + "</MsgType>"
                + "<Event>" + cdata(CATEGORY_AUDIT) + "</Event>"
                + "<ret>" + audit.status() + "</ret>"
                + "<first>" + audit.key().first() + "</first>"
                + "<second>" + audit.key().second() + "</second>"
                + "<reason>" + cdata(audit.reason()) + "</reason>"
                + "</xml>";
    }

    static String verifyTicket(String componentAppId, String ticket, Instant at) {
        return "<xml>"
                + "<AppId>" + cdata(componentAppId) + "</AppId>"
                + "<CreateTime>" + at.getEpochSecond() + "</CreateTime>"
                + "<InfoType>" + cdata(VERIFY_TICKET) + "</InfoType>"
                + "<ComponentVerifyTicket>" + cdata(ticket) + "</ComponentVerifyTicket>"
                + "</xml>";
    }

    /**
     * The account's original id ({@code gh_} and 12 hex characters, like {@code gh_fxxxxxxxa4b2} in seed 003),
     * derived from the appid so it is stable. GUESS: the real one is assigned at registration, not derived.
     */
    static String originalId(String appId) {
        return "gh_" + HexFormat.of().formatHex(sha1("gh:" + appId)).substring(0, 12);
    }

    /**
     * A 28-character openid-like sender ({@code o} and 27 URL-safe Base64 characters, the shape of seed 003's
     * {@code odxxxxM-xxxxxxxx-trm4a7apsU8}). GUESS: whose openid WeChat puts in a system event is
     * undocumented; a stable value per account is enough for a receiver.
     */
    static String openId(String appId) {
        return "o" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha1("openid:" + appId));
    }

    /** A CDATA section; a {@code ]]>} inside is split across two sections, the standard escape. */
    static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available in this JVM", e);
        }
    }
}
