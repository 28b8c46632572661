package io.camelwechat.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The 20-category limit, reached with categories added to WeChat's documented ten through
 * {@code settableCategory}.
 */
class CategoryLimitTest extends SimulatorTestSupport {

    /** Eleven more education categories; the ids are some of those a live getallcategories answer lists under 8. */
    private static final int[] MORE_EDUCATION = {9, 27, 32, 578, 582, 590, 592, 1043, 1044, 1045, 1046};

    @Override
    WeChatSimulator.Builder configure(WeChatSimulator.Builder builder) {
        for (int id : MORE_EDUCATION) {
            builder.settableCategory(8, "教育", id, "教育类目 " + id);
        }
        return builder.settableCategory(500, "测试", 501, "测试资质类目", "《测试许可证》");
    }

    private Answer add(List<int[]> pairs) {
        List<String> categories = new ArrayList<>();
        pairs.forEach(pair -> categories.add("{\"first\":" + pair[0] + ",\"second\":" + pair[1] + "}"));
        return apiPost(CategoryApiTest.ADD, token(), "{\"categories\":[" + String.join(",", categories) + "]}");
    }

    @Test
    void moreThan20CategoriesIs53301() {
        List<int[]> all = new ArrayList<>(List.of(CategoryApiTest.SETTABLE));
        for (int id : MORE_EDUCATION) {
            all.add(new int[] {8, id});
        }
        for (int cycle = 0; cycle < 4; cycle++) {
            assertOk(add(all.subList(cycle * 5, cycle * 5 + 5)));
            clock.advance(Duration.ofDays(31));
        }
        assertEquals(20, sim.account(APP).categories().size());
        Answer answer = add(all.subList(20, 21));
        assertError(53301, answer);
        assertEquals("超出可配置类目总数限制", answer.message());
    }

    @Test
    void addedCategoriesAppearInTheTreeAndASensitiveOneNeedsItsCertificate() {
        JsonNode categories = apiGet(CategoryApiTest.ALL, token()).json().at("/categories_list/categories");
        assertEquals("[1,8,42,402,500]", categories.get(0).get("children").toString());
        assertEquals(1 + 5 + CategoryApiTest.SETTABLE.length + MORE_EDUCATION.length + 1, categories.size());

        assertOk(add(List.of(new int[] {500, 501})));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(CategoryState.REJECTED, sim.account(APP).category(500, 501).auditStatus());
        assertEquals("测试资质类目", apiGet(CategoryApiTest.LIST, token()).json().at("/categories/0/second_name").asText());
    }

    @Test
    void clashingCategoriesAreRejectedAtOnce() {
        WeChatSimulator.Builder builder = WeChatSimulator.builder();
        assertThrows(IllegalArgumentException.class, () -> builder.settableCategory(1, "快递业与邮政", 2, "again"));
        assertThrows(IllegalArgumentException.class, () -> builder.settableCategory(1, "另一个名字", 7, "x"));
        assertThrows(IllegalArgumentException.class, () -> builder.settableCategory(2, "快递、物流", 7, "x"));
        assertThrows(IllegalArgumentException.class, () -> builder.settableCategory(0, "x", 7, "y"));
        assertThrows(IllegalArgumentException.class, () -> builder.settableCategory(600, " ", 601, "y"));
        builder.settableCategory(600, "新", 601, "新类目");
        assertThrows(IllegalArgumentException.class, () -> builder.settableCategory(600, "新", 601, "again"));
    }
}
