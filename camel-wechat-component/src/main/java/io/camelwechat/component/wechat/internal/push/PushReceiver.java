package io.camelwechat.component.wechat.internal.push;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.camelwechat.component.wechat.internal.engine.WeChatStatus;
import io.camelwechat.component.wechat.internal.support.Texts;
import io.camelwechat.component.wechat.model.CategoryAuditEvent;
import io.camelwechat.component.wechat.spi.VerifyTicketStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers WeChat's pushes on the platform-http path: the URL verification (GET) and messages (POST) in safe
 * (AES) or plain mode. Every check runs before the answer, cheapest first: size, parameters, timestamp window,
 * signature (constant time), nonce replay, decryption with padding validation, the appid inside the message,
 * XML without DTDs. A rejected push is answered 4xx at once, logged without secrets, and produces no exchange. A
 * valid one is answered {@code success} and handed to the sink.
 */
final class PushReceiver implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(PushReceiver.class);
    static final String COMPONENT_VERIFY_TICKET = "component_verify_ticket";

    private final PushSettings settings;
    private final PushCrypto crypto;
    private final Consumer<PushEvent> sink;
    /** Nonces seen within the timestamp window: a replayed push inside the window is refused. */
    private final PushNonces nonces;
    private final VerifyTicketStore tickets;
    private final PushCounters counters;

    PushReceiver(PushSettings settings, VerifyTicketStore tickets, PushNonces nonces, Consumer<PushEvent> sink) {
        this.settings = settings;
        this.crypto = new PushCrypto(settings.token().reveal(),
                settings.encodingAesKey() == null ? null : settings.encodingAesKey().reveal());
        this.sink = sink;
        this.tickets = tickets;
        this.nonces = nonces;
        this.counters = new PushCounters(settings.clock());
    }

    /** What this receiver answered since it was created, for the developer console. */
    WeChatStatus.Receiver status() {
        return counters.status(settings);
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String method = message.getHeader(Exchange.HTTP_METHOD, "POST", String.class);
        Map<String, String> query = query(message.getHeader(Exchange.HTTP_QUERY, String.class));
        try {
            if ("GET".equalsIgnoreCase(method)) {
                answer(message, 200, verifyUrl(query));
                counters.verified();
                return;
            }
            PushEvent event = accept(message, query);
            handOn(event, query.get("nonce"));
            answer(message, 200, "success");
            counters.accepted();
        } catch (PushRejectedException rejected) {
            // the reason stays in our log: an answer that explains a rejection helps whoever forges the next one
            LOG.warn("Rejected a WeChat push on {}: {}", settings.path(), rejected.getMessage());
            answer(message, rejected.httpStatus(), "rejected");
            counters.rejected(rejected);
        } catch (RuntimeException unexpected) {
            LOG.warn("A WeChat push on {} could not be handled: {}", settings.path(), unexpected.getMessage());
            answer(message, 500, "error");
            counters.failed();
        }
    }

    /** Gives the event to the consumer before WeChat hears "success": a push it could not take is asked again. */
    private void handOn(PushEvent event, String nonce) {
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            // answered 500: WeChat sends the same push again, with the same nonce, which must not read as a replay
            nonces.forget(nonce);
            throw e;
        }
    }

    /** WeChat's URL verification: the plain signature over token, timestamp and nonce; answer the echostr. */
    private String verifyUrl(Map<String, String> query) throws PushRejectedException {
        String timestamp = required(query, "timestamp");
        String nonce = required(query, "nonce");
        String echo = required(query, "echostr");
        checkTimestamp(timestamp);
        if (!crypto.signatureMatches(query.get("signature"), timestamp, nonce)) {
            throw new PushRejectedException(403, "signature does not match");
        }
        // a verification's signature is not tied to a body: recording its nonce keeps it from signing a
        // plain-mode push later
        checkNonce(nonce);
        return echo;
    }

    private PushEvent accept(Message message, Map<String, String> query) throws PushRejectedException {
        Long declaredLength = message.getHeader("Content-Length", Long.class);
        if (declaredLength != null && declaredLength > settings.maxBodySize()) {
            throw new PushRejectedException(413, "body larger than " + settings.maxBodySize() + " bytes");
        }
        byte[] body = message.getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw new PushRejectedException(400, "empty body");
        }
        if (body.length > settings.maxBodySize()) {
            throw new PushRejectedException(413, "body larger than " + settings.maxBodySize() + " bytes");
        }
        String timestamp = required(query, "timestamp");
        String nonce = required(query, "nonce");
        checkTimestamp(timestamp);
        boolean safeMode = "aes".equalsIgnoreCase(query.get("encrypt_type"));
        Map<String, String> fields;
        String appId;
        if (safeMode) {
            String encrypted = SafeXml.fields(body).get("Encrypt");
            if (encrypted == null || encrypted.isEmpty()) {
                throw new PushRejectedException(400, "no Encrypt element");
            }
            if (!crypto.signatureMatches(query.get("msg_signature"), timestamp, nonce, encrypted)) {
                throw new PushRejectedException(403, "msg_signature does not match");
            }
            checkNonce(nonce);
            PushCrypto.Decrypted decrypted = crypto.decrypt(encrypted);
            if (!decrypted.receiveId().equals(settings.expectedAppId())) {
                throw new PushRejectedException(403, "the message was encrypted for another appid");
            }
            appId = decrypted.receiveId();
            fields = SafeXml.fields(decrypted.message());
        } else {
            if (crypto.hasKey()) {
                // plain mode signs no body: once safe mode is configured, a push without encryption is a downgrade
                throw new PushRejectedException(400, "a plain-mode push on a safe-mode endpoint");
            }
            if (!crypto.signatureMatches(query.get("signature"), timestamp, nonce)) {
                throw new PushRejectedException(403, "signature does not match");
            }
            checkNonce(nonce);
            appId = settings.expectedAppId();
            fields = SafeXml.fields(body);
        }
        try {
            return toEvent(appId, fields);
        } catch (RuntimeException e) {
            // answered 500: WeChat sends the same push again, with the same nonce, which must not read as a replay
            nonces.forget(nonce);
            throw e;
        }
    }

    private PushEvent toEvent(String appId, Map<String, String> fields) throws PushRejectedException {
        if (COMPONENT_VERIFY_TICKET.equals(fields.get("InfoType"))) {
            String ticket = fields.get("ComponentVerifyTicket");
            if (ticket == null || ticket.isBlank() || !appId.equals(fields.get("AppId"))) {
                throw new PushRejectedException(400, "a verify ticket push without a ticket for " + appId);
            }
            tickets.save(appId, ticket);
            // the ticket is a credential: it goes to the store only, never into a message a route may log
            Map<String, String> shown = new LinkedHashMap<>(fields);
            shown.remove("ComponentVerifyTicket");
            return new PushEvent(COMPONENT_VERIFY_TICKET, appId, shown);
        }
        String type = fields.getOrDefault("Event", fields.getOrDefault("InfoType", fields.get("MsgType")));
        if (CategoryAuditEvent.EVENT.equals(type)) {
            try {
                return new PushEvent(type, appId, new CategoryAuditEvent(appId, fields.get("ToUserName"),
                        Integer.parseInt(asciiNumber(fields.get("first"))),
                        Integer.parseInt(asciiNumber(fields.get("second"))),
                        Integer.parseInt(asciiNumber(fields.get("ret"))), fields.getOrDefault("reason", ""),
                        Long.parseLong(asciiNumber(fields.getOrDefault("CreateTime", "0")))));
            } catch (NumberFormatException e) {
                throw new PushRejectedException(400, "a wxa_category_audit push without numeric first, second, ret");
            }
        }
        return new PushEvent(type, appId, fields);
    }

    /** WeChat writes ASCII digits: anything else is not one of its numbers (Java would read other scripts' too). */
    private static String asciiNumber(String text) {
        if (text == null || !Texts.isAsciiInteger(text)) {
            throw new NumberFormatException("not a number of ASCII digits");
        }
        return text;
    }

    private void checkTimestamp(String timestamp) throws PushRejectedException {
        long seconds;
        try {
            seconds = Long.parseLong(asciiNumber(timestamp));
        } catch (NumberFormatException e) {
            throw new PushRejectedException(400, "timestamp is not a number");
        }
        Duration skew = Duration.ofSeconds(Math.abs(settings.clock().instant().getEpochSecond() - seconds));
        if (skew.compareTo(settings.timestampWindow()) > 0) {
            throw new PushRejectedException(403, "timestamp outside the " + settings.timestampWindow().toSeconds()
                                                 + " s window");
        }
    }

    private void checkNonce(String nonce) throws PushRejectedException {
        if (!nonces.firstSeen(nonce)) {
            throw new PushRejectedException(403, "nonce already seen (replay)");
        }
    }

    private static String required(Map<String, String> query, String name) throws PushRejectedException {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new PushRejectedException(400, "missing query parameter " + name);
        }
        return value;
    }

    private static void answer(Message message, int status, String body) {
        // platform-http would copy every request header and query parameter into the answer
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        message.setBody(body);
    }

    /** The query's parameters, decoded; the first of a repeated name counts. */
    static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (int start = 0; start <= raw.length(); ) {
            int end = raw.indexOf('&', start);
            end = end < 0 ? raw.length() : end;
            if (end > start) { // a&&b: an empty pair, nothing to read
                String pair = raw.substring(start, end);
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                query.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
            start = end + 1;
        }
        return query;
    }

    /** WeChat's parameters are plain ASCII: most need no decoding, and URLDecoder copies every one. */
    private static String decode(String part) {
        return part.indexOf('%') < 0 && part.indexOf('+') < 0 ? part : URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
