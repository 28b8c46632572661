package io.camelwechat.component.wechat;

import io.camelwechat.component.wechat.internal.support.SanitizeKeywords;

/**
 * Which of the component's credential options Camel masks in the URIs it prints (logs, exception messages,
 * {@code Endpoint.toString()}): its own list covers names with token, secret and the like; the component adds
 * {@code verifyticket} and {@code aeskey}, which takes Camel 4.15 or later.
 */
public final class CamelMasking {

    /** Why a check of those two words is skipped on Camel 4.14 (the component warns there; the README says so). */
    public static final String NOT_ON_CAMEL_4_14 = "Camel 4.14 cannot add words to its URI masking "
            + "(URISupport.addSanitizeKeywords arrived in Camel 4.15): encodingAesKey and componentVerifyTicket "
            + "written in a URI show where Camel prints it; the component warns, and they belong on the component";

    private CamelMasking() {
    }

    /** Whether Camel masks encodingAesKey and componentVerifyTicket in the URIs it prints. */
    public static boolean masksTheComponentsOwnWords() {
        return SanitizeKeywords.supported();
    }
}
