package io.camelwechat.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A callback endpoint for the tests: a loopback {@code com.sun.net.httpserver} on a free port that checks
 * both signatures and decrypts every push with {@link IndependentPushCrypto}, parses the XML (so it must be
 * well-formed) and answers {@code success}, or what a test scripted.
 */
final class PushReceiver implements AutoCloseable {

    /** One push as it arrived, checked and decrypted. */
    record Received(String rawQuery, Map<String, String> query, String outerName, String outerValue,
                    boolean signatureValid, boolean msgSignatureValid, String plaintext, String receiveId,
                    Map<String, String> fields) {

        String field(String name) {
            return fields.get(name);
        }
    }

    private record Reply(int status, String body) {
    }

    private final String token;
    private final String encodingAesKey;
    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Reply> scripted = new ArrayDeque<>();
    private volatile Consumer<Received> onPush = push -> { };

    PushReceiver(String token, String encodingAesKey) throws IOException {
        this.token = token;
        this.encodingAesKey = encodingAesKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/callback", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    /** The next pushes get this answer instead of 200 {@code success}, in the order scripted. */
    synchronized PushReceiver answer(int status, String body) {
        scripted.add(new Reply(status, body));
        return this;
    }

    /** Runs inside the handler, before the answer, e.g. to call the simulator back. */
    PushReceiver onPush(Consumer<Received> action) {
        this.onPush = action;
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Received push = check(exchange.getRequestURI().getRawQuery(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Reply reply;
            synchronized (this) {
                received.add(push);
                reply = scripted.isEmpty() ? new Reply(200, "success") : scripted.poll();
            }
            onPush.accept(push);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private Received check(String rawQuery, String body) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        try {
            Element outer = parse(body);
            Element first = (Element) firstElement(outer);
            String encrypt = text(outer, "Encrypt");
            boolean signatureValid = IndependentPushCrypto.sha1Hex(token, query.get("timestamp"), query.get("nonce"))
                    .equals(query.get("signature"));
            boolean msgSignatureValid = IndependentPushCrypto.sha1Hex(token, query.get("timestamp"),
                    query.get("nonce"), encrypt).equals(query.get("msg_signature"));
            IndependentPushCrypto.Opened opened = IndependentPushCrypto.open(encodingAesKey, encrypt);
            Map<String, String> fields = new LinkedHashMap<>();
            if (opened.message() != null) {
                Element inner = parse(opened.message());
                for (Node node = inner.getFirstChild(); node != null; node = node.getNextSibling()) {
                    if (node instanceof Element element) {
                        fields.put(element.getTagName(), element.getTextContent());
                    }
                }
            }
            return new Received(rawQuery, query, first.getTagName(), first.getTextContent(), signatureValid,
                    msgSignatureValid, opened.message(), opened.receiveId(), fields);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable push: " + body, e);
        }
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static Node firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                return node;
            }
        }
        throw new IllegalStateException("no child element");
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent();
    }
}
