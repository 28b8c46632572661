package io.camelwechat.component.wechat;

import java.util.Map;

import io.camelwechat.component.wechat.model.Industry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A low-code route: YAML DSL, options as parameters, headers set in YAML, the result used as a Map. */
class YamlRouteTest extends WeChatTestSupport {

    private static final String ROUTE = """
            - route:
                from:
                  uri: direct:set-and-get-industry
                  steps:
                    - setHeader:
                        name: CamelWeChatIndustryId1
                        constant: "13"
                    - setHeader:
                        name: CamelWeChatIndustryId2
                        constant: "1"
                    - to:
                        uri: wechat:industry
                        parameters:
                          op: set
                    - to:
                        uri: wechat:industry
                        parameters:
                          op: get
                    - convertBodyTo:
                        type: java.util.Map
                    - setBody:
                        simple: "${body[primary_industry][second_class]}/${body[primary_industry][industry_id]}"
            """;

    @Test
    void yamlRouteSetsAndReadsTheIndustry() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("wechat-route.yaml", ROUTE));

        Object answer = template.requestBody("direct:set-and-get-industry", (Object) null);

        assertEquals("快递/" + Industry.TRANSPORT_EXPRESS.code(), answer);
        assertEquals(13, simulator.account(APP_ID).industryId1());
    }

    @Test
    void yamlRouteResultIsAMapWithWireNames() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("wechat-list.yaml", """
                - route:
                    from:
                      uri: direct:list
                      steps:
                        - to: "wechat:category?op=list"
                        - convertBodyTo:
                            type: java.util.Map
                """));

        Map<?, ?> answer = assertInstanceOf(Map.class, template.requestBody("direct:list", (Object) null));

        assertEquals(simulator.account(APP_ID).categoryLimit(), answer.get("category_limit"));
    }
}
