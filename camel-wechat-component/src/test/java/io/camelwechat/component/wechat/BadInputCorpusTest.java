package io.camelwechat.component.wechat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.camelwechat.component.wechat.internal.support.OptionRanges;
import io.camelwechat.component.wechat.model.AddCategoryRequest;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.Certificate;
import io.camelwechat.component.wechat.model.DeleteCategoryRequest;
import io.camelwechat.component.wechat.model.SetIndustryRequest;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.simulator.RecordedRequest;
import io.camelwechat.simulator.WeChatPushes;
import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.camelwechat.component.wechat.WeChatConstants.APP_ID;
import static io.camelwechat.component.wechat.WeChatConstants.CATEGORY_FIRST;
import static io.camelwechat.component.wechat.WeChatConstants.CATEGORY_SECOND;
import static io.camelwechat.component.wechat.WeChatConstants.CERTIFICATES;
import static io.camelwechat.component.wechat.WeChatConstants.INDUSTRY_ID1;
import static io.camelwechat.component.wechat.WeChatConstants.INDUSTRY_ID2;
import static io.camelwechat.component.wechat.WeChatConstants.MEDIA_FILE_NAME;
import static io.camelwechat.component.wechat.WeChatConstants.OPERATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A corpus of bad inputs over every header, body type and option of every endpoint, and the push receiver's
 * query and body: null, blank, wrong types, huge, control characters, non-ASCII digits, encoded paths, negative
 * and overflowing numbers. For each: a clear error naming the input, no request at WeChat, no secret or token in
 * the exception chain or the log, and the same context serving a valid call afterwards.
 * <p>
 * One context and one simulator serve the whole corpus on purpose: a bad input must not leave anything behind
 * that a later call would trip over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {

    private static final String ACCOUNT = WeChatTestSupport.APP_ID;
    private static final String SECRET = WeChatTestSupport.APP_SECRET;
    private static final String URI_SECRET = "corpus-uri-secret-5d1e";
    private static final String PUSH_TOKEN = "corpus-push-token";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final byte[] PNG = WeChatTestSupport.PNG;
    private static final Map<String, Object> VALID_CATEGORY = Map.of(CATEGORY_FIRST, 8, CATEGORY_SECOND, 39);
    private static final Map<String, String> CERTIFICATE = Map.of("营业执照", "media-1");

    enum Kind {
        /** Sent to a producer: the exchange fails with an IllegalArgumentException. */
        MESSAGE,
        /** An endpoint URI: its creation fails. */
        CREATION,
        /** POSTed to the push receiver: answered 4xx, no exchange, the reason logged. */
        PUSH
    }

    /**
     * @param named what the error must name (the header, option, field or check)
     */
    record Case(String name, Kind kind, String uri, Object body, Map<String, Object> headers, String named) {
        @Override
        public String toString() {
            return name;
        }
    }

    private WeChatSimulator simulator;
    private CamelContext context;
    private ProducerTemplate template;
    private LogCapture logs;
    private int pushPort;
    private final AtomicInteger pushesEmitted = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startOneContextForTheWholeCorpus() throws Exception {
        simulator = WeChatSimulator.builder().account(ACCOUNT, SECRET).build().start();
        pushPort = AvailablePortFinder.getNextAvailable();
        context = new DefaultCamelContext();
        PushServers.addTo(context, pushPort);
        WeChatComponent component = new WeChatComponent();
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        component.getConfiguration().setAppId(ACCOUNT);
        component.getConfiguration().setAppSecret(SECRET);
        context.addComponent("wechat", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:events?path=/corpus/events&token=RAW(" + PUSH_TOKEN + ")&encodingAesKey=RAW(" + AES_KEY
                     + ")&appId=" + ACCOUNT).routeId("corpus-events").process(exchange -> pushesEmitted.incrementAndGet());
            }
        });
        context.start();
        template = context.createProducerTemplate();
        logs = LogCapture.start("bad-input-corpus");
        // a live token in the cache: what a leak would show
        assertInstanceOf(SettingCategories.class, template.requestBody("wechat:category?op=list", (Object) null));
    }

    @AfterAll
    void stop() throws Exception {
        logs.close();
        context.close();
        simulator.stop();
    }

    // ---- the corpus -------------------------------------------------------------------------------------------

    static Stream<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        idHeaders(cases);
        certificates(cases);
        typedBodies(cases);
        media(cases);
        operationAndAccount(cases);
        genericApi(cases);
        options(cases);
        pushes(cases);
        return cases.stream();
    }

    /** Values that are not a positive integer id, each with a label. */
    private static Map<String, Object> badIds() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("empty", "");
        values.put("blank", "   ");
        values.put("letters", "abc");
        values.put("decimal text", "1.5");
        values.put("Double", 1.5d);
        values.put("BigDecimal", new BigDecimal("8.0"));
        values.put("zero", 0);
        values.put("negative", -1);
        values.put("negative text", "-7");
        values.put("Long beyond int", Long.MAX_VALUE);
        values.put("digits beyond int", "99999999999");
        values.put("fullwidth digit", "１");
        values.put("Arabic-Indic digit", "٣");
        values.put("Devanagari digits", "८");
        values.put("CR/LF after", "8\r\n");
        values.put("NUL after", "8\u0000");
        values.put("bidi override", "\u202e8");
        values.put("hex", "0x10");
        values.put("exponent", "1e3");
        values.put("double sign", "+-1");
        values.put("Boolean", Boolean.TRUE);
        values.put("List", List.of(8));
        values.put("Map", Map.of("id", 8));
        values.put("Object", new Object());
        values.put("huge text", "8".repeat(100_000));
        return values;
    }

    private static void idHeaders(List<Case> cases) {
        for (String header : List.of(INDUSTRY_ID1, INDUSTRY_ID2)) {
            Map<String, Object> others = new HashMap<>(Map.of(INDUSTRY_ID1, 1, INDUSTRY_ID2, 4));
            others.remove(header);
            cases.add(message("industry set without " + header, "wechat:industry?op=set", null, others, header));
            badIds().forEach((label, value) -> {
                Map<String, Object> headers = new HashMap<>(others);
                headers.put(header, value);
                cases.add(message("industry set " + header + " " + label, "wechat:industry?op=set", null, headers,
                        header));
            });
            for (int outOfRange : new int[] { 42, 1_000 }) {
                Map<String, Object> headers = new HashMap<>(others);
                headers.put(header, outOfRange);
                cases.add(message("industry set " + header + " " + outOfRange, "wechat:industry?op=set", null,
                        headers, header));
            }
        }
        cases.add(message("industry set twice the same", "wechat:industry?op=set", null,
                Map.of(INDUSTRY_ID1, 13, INDUSTRY_ID2, "13"), INDUSTRY_ID1));
        for (String op : List.of("add", "modify", "delete")) {
            for (String header : List.of(CATEGORY_FIRST, CATEGORY_SECOND)) {
                Map<String, Object> others = new HashMap<>(VALID_CATEGORY);
                others.remove(header);
                if (!op.equals("delete")) {
                    others.put(CERTIFICATES, CERTIFICATE);
                }
                cases.add(message("category " + op + " without " + header, "wechat:category?op=" + op, null, others,
                        header));
                badIds().forEach((label, value) -> {
                    Map<String, Object> headers = new HashMap<>(others);
                    headers.put(header, value);
                    cases.add(message("category " + op + " " + header + " " + label, "wechat:category?op=" + op, null,
                            headers, header));
                });
            }
        }
    }

    private static void certificates(List<Case> cases) {
        Map<String, Object> shapes = new LinkedHashMap<>();
        shapes.put("text", "licence=media-1");
        shapes.put("Integer", 5);
        shapes.put("byte[]", "x".getBytes());
        shapes.put("Map with a null value", mapOf("licence", null));
        shapes.put("Map with a null key", mapOf(null, "media-1"));
        shapes.put("Map with a blank key", Map.of(" ", "media-1"));
        shapes.put("Map with a blank value", Map.of("licence", " "));
        shapes.put("Map with a number value", Map.of("licence", 5));
        shapes.put("Map with CR/LF in the key", Map.of("licence\r\n", "media-1"));
        shapes.put("Map with NUL in the value", Map.of("licence", "media\u00001"));
        shapes.put("List holding null", Arrays.asList(Map.of("key", "licence", "value", "media-1"), null));
        shapes.put("List holding a number", List.of(5));
        shapes.put("List holding text", List.of("licence"));
        shapes.put("List item without value", List.of(Map.of("key", "licence")));
        shapes.put("List item without key", List.of(Map.of("value", "media-1")));
        shapes.put("List item expire_time text", List.of(Map.of("key", "k", "value", "v", "expire_time", "soon")));
        shapes.put("List item expire_time negative", List.of(Map.of("key", "k", "value", "v", "expire_time", -1)));
        shapes.put("List item is_permanent 2", List.of(Map.of("key", "k", "value", "v", "is_permanent", 2)));
        shapes.put("List of Certificate blank value", List.of(new Certificate("k", " ", null, null)));
        shapes.put("List of Certificate expire_time 0", List.of(new Certificate("k", "v", 0L, null)));
        for (String op : List.of("add", "modify")) {
            shapes.forEach((label, value) -> {
                Map<String, Object> headers = new HashMap<>(VALID_CATEGORY);
                headers.put(CERTIFICATES, value);
                cases.add(message("category " + op + " certificates " + label, "wechat:category?op=" + op, null,
                        headers, CERTIFICATES));
            });
        }
        cases.add(message("category modify certificates empty Map", "wechat:category?op=modify", null,
                withCategory(CERTIFICATES, Map.of()), "certicates"));
        cases.add(message("category modify certificates empty List", "wechat:category?op=modify", null,
                withCategory(CERTIFICATES, List.of()), "certicates"));
        cases.add(message("category modify without certificates", "wechat:category?op=modify", null,
                VALID_CATEGORY, CERTIFICATES));
    }

    private static void typedBodies(List<Case> cases) {
        cases.add(message("typed set out of range", "wechat:industry?op=set", new SetIndustryRequest(0, 4), Map.of(),
                "industryId1"));
        cases.add(message("typed set the same twice", "wechat:industry?op=set", new SetIndustryRequest(4, 4),
                Map.of(), "industryId1"));
        cases.add(message("typed add with no category", "wechat:category?op=add", new AddCategoryRequest(null),
                Map.of(), "categories"));
        cases.add(message("typed add with a negative id", "wechat:category?op=add",
                AddCategoryRequest.of(CategoryRequest.of(8, 39), CategoryRequest.of(-8, 39)), Map.of(),
                "categories[1].first"));
        cases.add(message("typed modify without certificates", "wechat:category?op=modify", CategoryRequest.of(8, 39),
                Map.of(), "certicates"));
        cases.add(message("typed modify with a blank certificate key", "wechat:category?op=modify",
                CategoryRequest.of(8, 39, Certificate.of(" ", "media-1")), Map.of(), "certicates[0].key"));
        cases.add(message("typed delete with a zero id", "wechat:category?op=delete", new DeleteCategoryRequest(8, 0),
                Map.of(), "second"));
    }

    private static void media(List<Case> cases) {
        Map<String, Object> bodies = new LinkedHashMap<>();
        bodies.put("null", null);
        bodies.put("empty bytes", new byte[0]);
        bodies.put("empty text", "");
        bodies.put("text", "not an image");
        bodies.put("a PDF", "%PDF-1.7".getBytes());
        bodies.put("a directory", directory());
        bodies.put("a missing file", new File("/nonexistent/wechat/corpus.png"));
        bodies.put("a directory Path", directory().toPath());
        bodies.put("an empty stream", new ByteArrayInputStream(new byte[0]));
        bodies.put("an Integer", 5);
        bodies.put("a List", List.of(1, 2));
        bodies.put("truncated PNG magic", Arrays.copyOf(PNG, 4));
        bodies.forEach((label, body) -> cases.add(message("upload of " + label, "wechat:media?op=upload", body,
                Map.of(), "message body")));
        cases.add(message("upload beyond mediaMaxSize", "wechat:media?op=upload&mediaMaxSize=10", PNG, Map.of(),
                "mediaMaxSize"));
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("CR/LF and a header", "a.png\r\nContent-Type: text/html");
        names.put("NUL", "a\u0000.png");
        names.put("a quote", "a\".png");
        names.put("a backslash", "a\\b.png");
        names.put("300 characters", "a".repeat(296) + ".png");
        names.forEach((label, name) -> cases.add(message("upload file name with " + label, "wechat:media?op=upload",
                PNG, Map.of(MEDIA_FILE_NAME, name), "file name")));
        cases.add(message("upload CamelFileName with LF", "wechat:media?op=upload", PNG,
                Map.of(Exchange.FILE_NAME, "x\n.png"), "file name"));
    }

    private static void operationAndAccount(List<Case> cases) {
        Map<String, String> ops = new LinkedHashMap<>();
        ops.put("unknown", "frobnicate");
        ops.put("upper case", "ADD");
        ops.put("with LF", "add\n");
        ops.put("of another API", "upload");
        ops.put("with a semicolon", "list;delete");
        ops.forEach((label, op) -> cases.add(message("category op header " + label, "wechat:category?op=list", null,
                Map.of(OPERATION, op), OPERATION)));
        cases.add(message("industry op header of category", "wechat:industry?op=get", null, Map.of(OPERATION, "add"),
                OPERATION));
        cases.add(message("no op at all", "wechat:category", null, Map.of(), OPERATION));
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put("CR/LF", "wx\r\nX-Forged: 1");
        accounts.put("a space", "wx 1");
        accounts.put("a path", "../wx1");
        accounts.put("65 characters", "w".repeat(65));
        accounts.put("NUL", "wx\u00001");
        accounts.put("Chinese", "微信");
        accounts.put("no secret known", "wxunknown00000000");
        accounts.forEach((label, appId) -> cases.add(message("appid header " + label, "wechat:category?op=list", null,
                Map.of(APP_ID, appId), APP_ID)));
    }

    private static void genericApi(List<Case> cases) {
        Map<String, Object> bodies = new LinkedHashMap<>();
        bodies.put("an Integer", 42);
        bodies.put("a List", List.of(1, 2));
        bodies.put("a Boolean", true);
        bodies.put("JSON array text", "[1,2]");
        bodies.put("JSON number text", "42");
        bodies.put("JSON string text", "\"text\"");
        bodies.put("JSON null text", "null");
        bodies.put("form text", "first=1&second=2");
        bodies.put("unfinished JSON", "{\"first\":");
        bodies.put("JSON then garbage", "{\"first\":1} trailing");
        bodies.put("two JSON objects", "{}{}");
        bodies.put("JSON array bytes", "[1]".getBytes());
        bodies.put("an unserialisable Object", new Object());
        bodies.forEach((label, body) -> cases.add(message("wechat:api body " + label,
                "wechat:api?path=/cgi-bin/wxopen/addcategory", body, Map.of(), "wechat:api body")));
    }

    private static void options(List<Case> cases) {
        String producer = "wechat:category?op=list";
        String watcher = "wechat:category?appId=" + ACCOUNT;
        String events = "wechat:events?token=t";
        Map<String, String> endpointOf = new LinkedHashMap<>();
        endpointOf.put("pollConcurrency", watcher);
        endpointOf.put("timestampWindow", events);
        endpointOf.put("maxBodySize", events);
        endpointOf.put("tokenExpiryMargin", producer);
        endpointOf.put("tokenRefreshAhead", producer);
        endpointOf.put("busyRetries", producer);
        endpointOf.put("busyRetryDelay", producer);
        endpointOf.put("mediaMaxSize", "wechat:media?op=upload");
        endpointOf.put("delay", watcher);
        for (OptionRanges.Range range : OptionRanges.ENDPOINT) {
            String uri = endpointOf.get(range.option());
            assertNotNull(uri, "every ranged option has its place in the corpus: " + range.option());
            List<String> values = new ArrayList<>(List.of("-1", "-5s", "abc", "1.5", "１", "99999999999999999999"));
            if (range.min() > 0) {
                values.add(String.valueOf(range.min() - 1));
            }
            if (range.max() < Long.MAX_VALUE) {
                values.add(String.valueOf(range.max() + 1));
            }
            for (String value : values) {
                cases.add(creation(range.option() + "=" + value, uri + "&" + range.option() + "=" + value,
                        range.option()));
            }
        }
        for (String baseUrl : List.of("http://host/x?y=1", "http://host/x#f", "ftp://host", "http://u:pw@host",
                "http://host:0", "http://host:70000", "127.0.0.1:8080", "http://host/a/../b", "http://host/%2e%2e",
                "http://ho st", "http://host//x", "", "javascript:alert(1)")) {
            cases.add(creation("baseUrl " + baseUrl, producer + "&baseUrl=RAW(" + baseUrl + ")", "baseUrl"));
        }
        for (String path : List.of("/sns/oauth2", "cgi-bin/x", "/cgi-bin/", "/cgi-bin/%2e%2e/admin",
                "/cgi-bin/.%2E/admin", "/cgi-bin/%2fadmin", "/cgi-bin/%252e%252e/x", "/cgi-bin/../admin",
                "/cgi-bin/./x", "/cgi-bin//x", "/cgi-bin/x?access_token=mine", "/cgi-bin/x#f", "/cgi-bin/a b",
                "/cgi-bin/x%0D%0AHost:evil", "/cgi-bin/x\\..\\y", "http://evil/cgi-bin/x", "/wxa/x;y", "/wxa/√")) {
            cases.add(creation("api path " + path, "wechat:api?path=RAW(" + path + ")", "path"));
        }
        cases.add(creation("api path CR/LF decoded", "wechat:api?path=/cgi-bin/x%0D%0AHost:%20evil", "path"));
        cases.add(creation("api without path", "wechat:api?method=GET", "path"));
        for (String method : List.of("PUT", "DELETE", "G ET", "")) {
            cases.add(creation("api method " + method, "wechat:api?path=/cgi-bin/x&method=RAW(" + method + ")",
                    "method"));
        }
        cases.add(creation("industry op unknown", "wechat:industry?op=delete", "op"));
        cases.add(creation("category op upper case", "wechat:category?op=LIST", "op"));
        cases.add(creation("media op unknown", "wechat:media?op=download", "op"));
        cases.add(creation("unknown api", "wechat:templates", "WeChat API"));
        cases.add(creation("unknown option", producer + "&frobnicate=1", "frobnicate"));
        cases.add(creation("tokenMode unknown", producer + "&tokenMode=magic", "tokenMode"));
        cases.add(creation("tokenMode blank", producer + "&tokenMode=RAW( )", "tokenMode"));
        for (String appId : List.of("wx 1", "wx%0A1", "../x", "w".repeat(65))) {
            cases.add(creation("appId option " + appId, producer + "&appId=" + appId, "appId"));
        }
        cases.add(creation("appIds with a space", "wechat:category?appIds=wx1,wx%202", "appIds"));
        cases.add(creation("appIds with NUL", "wechat:category?appIds=wx1,wx%002", "appIds"));
        cases.add(creation("componentAppId with a slash", producer + "&tokenMode=authorizer&componentAppId=a/b",
                "componentAppId"));
        cases.add(creation("events without token", "wechat:events?path=/x", "token"));
        cases.add(creation("events token with LF", "wechat:events?token=a%0Ab", "token"));
        cases.add(creation("events AES key too short", events + "&appId=" + ACCOUNT + "&encodingAesKey=RAW(short)",
                "encodingAesKey"));
        cases.add(creation("events AES key not Base64", events + "&appId=" + ACCOUNT + "&encodingAesKey=RAW("
                                                        + "!".repeat(43) + ")", "encodingAesKey"));
        cases.add(creation("events AES key without appId", "wechat:events?token=t&appId=&encodingAesKey=RAW("
                                                           + AES_KEY + ")", "appId"));
        for (String path : List.of("/a?b", "/a/../b", "/a b", "/a//b", "/a#b", "/a%0Ab")) {
            cases.add(creation("events path " + path, events + "&path=RAW(" + path + ")", "path"));
        }
    }

    private static void pushes(List<Case> cases) {
        long now = Instant.now().getEpochSecond();
        String audit = "<xml><ToUserName>gh_1</ToUserName><CreateTime>" + now + "</CreateTime><MsgType>event</MsgType>"
                       + "<Event>wxa_category_audit</Event><ret>3</ret><first>8</first><second>39</second>"
                       + "<reason></reason></xml>";
        cases.add(push("no timestamp", signed(now, "n-1", audit).without("timestamp"), "timestamp"));
        cases.add(push("no nonce", signed(now, "n-2", audit).without("nonce"), "nonce"));
        cases.add(push("fullwidth timestamp", signed(now, "n-3", audit).with("timestamp", "１７００００００００"),
                "timestamp"));
        cases.add(push("timestamp an hour old", signed(now - 3_600, "n-4", audit), "timestamp"));
        cases.add(push("timestamp overflowing", signed(now, "n-5", audit).with("timestamp", "9".repeat(30)),
                "timestamp"));
        cases.add(push("forged msg_signature", signed(now, "n-6", audit).with("msg_signature", "0".repeat(40)),
                "signature"));
        cases.add(push("no msg_signature", signed(now, "n-7", audit).without("msg_signature"), "signature"));
        cases.add(push("plain mode on a safe endpoint", signed(now, "n-8", audit).without("encrypt_type"),
                "plain-mode"));
        cases.add(push("empty body", signed(now, "n-9", audit).body(""), "empty body"));
        cases.add(push("not XML", signed(now, "n-10", audit).body("{\"json\":true}"), "XML"));
        cases.add(push("a DTD", signed(now, "n-11", audit).body("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e "
                                                              + "SYSTEM \"file:///etc/passwd\">]><xml>&e;</xml>"),
                "DTD"));
        cases.add(push("no Encrypt element", signed(now, "n-12", audit).body("<xml><ToUserName>x</ToUserName></xml>"),
                "Encrypt"));
        cases.add(push("larger than maxBodySize", signed(now, "n-13", audit).body("<xml>" + "x".repeat(70_000)
                                                                                  + "</xml>"), "larger than"));
        cases.add(push("encrypted for another appid", signedFor("wxsomeoneelse00001", now, "n-14", audit), "appid"));
        cases.add(push("audit with fullwidth digits", signed(now, "n-15", audit.replace("<first>8</first>",
                "<first>８</first>")), "numeric first"));
        cases.add(push("audit without ret", signed(now, "n-16", audit.replace("<ret>3</ret>", "")),
                "numeric first"));
    }

    // ---- the checks -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedClearly_callsNothing_leaksNothing_andTheContextServesOn(Case input) throws Exception {
        int requestsBefore = simulator.totalRequests();
        logs.clear();

        Failure failure = switch (input.kind()) {
            case MESSAGE -> sendExpectingRefusal(input);
            case CREATION -> createExpectingRefusal(input);
            case PUSH -> pushExpectingRefusal(input);
        };

        assertTrue(failure.message().contains(input.named()),
                input + ": the error should name [" + input.named() + "] but was [" + failure.message() + "]");
        assertEquals(requestsBefore, simulator.totalRequests(), input + ": no request may reach WeChat");
        assumeTrue(CamelMasking.masksTheComponentsOwnWords() || !String.valueOf(input.uri()).contains(AES_KEY),
                CamelMasking.NOT_ON_CAMEL_4_14);
        assertNothingSecretIn(input, failure.chain(), logs.text());
        assertInstanceOf(SettingCategories.class, template.requestBody("wechat:category?op=list", (Object) null),
                input + ": the context still serves a valid call");
    }

    @Test
    void theCorpusCoversMoreThanTheOutsideOne() {
        Map<Kind, Long> byKind = new java.util.EnumMap<>(Kind.class);
        corpus().forEach(input -> byKind.merge(input.kind(), 1L, Long::sum));
        long size = byKind.values().stream().mapToLong(Long::longValue).sum();

        assertTrue(size > 153, "the outside corpus had 153 inputs, this one " + size);
        assertTrue(byKind.keySet().containsAll(List.of(Kind.values())), "every kind of input: " + byKind);
    }

    /** What a refusal showed: the message that must name the input, and every throwable it carried. */
    private record Failure(String message, List<Throwable> chain) {
    }

    private Failure sendExpectingRefusal(Case input) {
        Exchange exchange = template.send(input.uri(), ex -> {
            ex.getMessage().setBody(input.body());
            ex.getMessage().setHeaders(new HashMap<>(input.headers()));
        });
        assertNotNull(exchange.getException(), input + ": the exchange should fail");
        IllegalArgumentException refusal = assertInstanceOf(IllegalArgumentException.class, exchange.getException(),
                input + ": " + exchange.getException());
        return new Failure(refusal.getMessage(), chainOf(refusal));
    }

    private Failure createExpectingRefusal(Case input) {
        ResolveEndpointFailedException failure = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(input.uri() + (input.uri().contains("?") ? "&" : "?")
                                          + "appSecret=RAW(" + URI_SECRET + ")"), input.toString());
        List<Throwable> chain = chainOf(failure);
        return new Failure(chain.get(chain.size() - 1).getMessage() + " / " + failure.getMessage(), chain);
    }

    private Failure pushExpectingRefusal(Case input) throws Exception {
        PushInput push = (PushInput) input.body();
        int emittedBefore = pushesEmitted.get();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pushPort
                + "/corpus/events?" + push.query())).POST(HttpRequest.BodyPublishers.ofString(push.body()))
                .header("Content-Type", "text/xml").build(), HttpResponse.BodyHandlers.ofString());

        assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, input + ": answered " + answer.statusCode());
        assertEquals("rejected", answer.body(), "the answer explains nothing to whoever forges the next push");
        assertEquals(emittedBefore, pushesEmitted.get(), input + ": no exchange for a refused push");
        String logged = logs.text().lines().filter(line -> line.contains("Rejected a WeChat push")).findFirst()
                .orElse("");
        return new Failure(logged, List.of());
    }

    private void assertNothingSecretIn(Case input, List<Throwable> chain, String log) {
        for (String secret : secrets()) {
            for (Throwable failure : chain) {
                assertFalse(String.valueOf(failure).contains(secret), input + ": a secret in " + failure.getClass());
            }
            assertFalse(log.contains(secret), input + ": a secret reached the log: " + logs.lineWith(secret));
        }
    }

    /** The app secrets, push credentials and every access token WeChat handed out so far. */
    private Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>(List.of(SECRET, URI_SECRET, PUSH_TOKEN, AES_KEY));
        for (RecordedRequest request : simulator.requests()) {
            String token = request.query().get("access_token");
            if (token != null) {
                secrets.add(token);
            }
        }
        return secrets;
    }

    private static List<Throwable> chainOf(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
            chain.addAll(Arrays.asList(t.getSuppressed()));
        }
        return chain;
    }

    // ---- building cases ---------------------------------------------------------------------------------------

    private static Case message(String name, String uri, Object body, Map<String, Object> headers, String named) {
        return new Case(name, Kind.MESSAGE, uri, body, headers, named);
    }

    private static Case creation(String name, String uri, String named) {
        return new Case(name, Kind.CREATION, uri, null, Map.of(), named);
    }

    private static Case push(String name, PushInput push, String named) {
        return new Case("push " + name, Kind.PUSH, null, push, Map.of(), named);
    }

    private static Map<String, Object> withCategory(String header, Object value) {
        Map<String, Object> headers = new HashMap<>(VALID_CATEGORY);
        headers.put(header, value);
        return headers;
    }

    private static Map<Object, Object> mapOf(Object key, Object value) {
        Map<Object, Object> map = new HashMap<>();
        map.put(key, value);
        return map;
    }

    private static File directory() {
        try {
            Path directory = Files.createTempDirectory("wechat-corpus");
            directory.toFile().deleteOnExit();
            return directory.toFile();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A signed, encrypted push for the corpus's receiver, then changed to be bad in one way. */
    private static PushInput signed(long timestamp, String nonce, String xml) {
        return signedFor(ACCOUNT, timestamp, nonce, xml);
    }

    private static PushInput signedFor(String receiveId, long timestamp, String nonce, String xml) {
        WeChatPushes.SignedPush push = WeChatPushes.builder(PUSH_TOKEN, AES_KEY).receiveId(receiveId)
                .timestamp(timestamp).nonce(nonce + "-" + System.nanoTime()).build(xml);
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : push.queryString().split("&")) {
            int equals = pair.indexOf('=');
            query.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return new PushInput(query, push.body());
    }

    private record PushInput(Map<String, String> parameters, String body) {

        PushInput without(String parameter) {
            Map<String, String> changed = new LinkedHashMap<>(parameters);
            changed.remove(parameter);
            return new PushInput(changed, body);
        }

        PushInput with(String parameter, String value) {
            Map<String, String> changed = new LinkedHashMap<>(parameters);
            changed.put(parameter, java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            return new PushInput(changed, body);
        }

        PushInput body(String replaced) {
            return new PushInput(parameters, replaced);
        }

        String query() {
            return String.join("&", parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
    }
}
