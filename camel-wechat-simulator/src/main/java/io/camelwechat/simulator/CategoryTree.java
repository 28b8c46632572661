package io.camelwechat.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree of settable mini-program categories that getallcategories answers with (official shape: id 0 is
 * the root whose children are the first-level ids). A small, realistic excerpt: the real tree has hundreds
 * of entries. It includes the seed pages' example, 8 教育 / 39 出国移民, which needs a qualification, and
 * has more than {@link AccountCategories#CATEGORY_LIMIT} (20) settable categories so that limit is reachable.
 */
final class CategoryTree {

    /** One node; {@code qualifications} empty for non-sensitive categories. */
    record Node(int id, String name, int level, int father, List<Integer> children, boolean sensitive,
                List<String> qualifications, String remark) {
    }

    private final Map<Integer, Node> nodes = new LinkedHashMap<>();

    /** The tree shipped with the simulator. */
    static CategoryTree standard() {
        CategoryTree tree = new CategoryTree();
        tree.first(1, "工具")
                .open(2, "信息查询")
                .open(3, "办公")
                .open(4, "天气")
                .open(5, "计算类");
        tree.first(8, "教育")
                .qualified(39, "出国移民", "出入境中介机构经营许可证")
                .open(40, "教育信息服务")
                .qualified(41, "在线视频课程", "信息网络传播视听节目许可证")
                .open(42, "职业培训");
        tree.first(100, "生活服务")
                .open(101, "家政服务")
                .open(102, "丽人服务")
                .open(103, "宠物（非医院类）")
                .open(104, "婚庆服务");
        tree.first(150, "餐饮")
                .open(151, "点评与推荐")
                .open(152, "菜谱")
                .open(153, "餐厅排队")
                .qualified(154, "外卖平台", "食品经营许可证");
        tree.first(212, "医疗")
                .qualified(213, "医疗机构", "医疗机构执业许可证")
                .qualified(214, "医药信息", "互联网药品信息服务资格证书")
                .open(215, "健康管理");
        tree.first(304, "商家自营")
                .open(305, "服装/鞋/箱包")
                .qualified(306, "食品", "食品经营许可证")
                .qualified(307, "图书/报刊/音像/影视", "出版物经营许可证")
                .open(308, "家居家纺");
        return tree;
    }

    private CategoryTree() {
        nodes.put(0, new Node(0, "", 0, 0, new ArrayList<>(), false, List.of(), ""));
    }

    /** Adds children to one first-level category while building the tree. */
    private final class FirstLevel {
        private final int id;

        FirstLevel(int id) {
            this.id = id;
        }

        FirstLevel open(int secondId, String name) {
            return second(secondId, name, false, List.of(), "");
        }

        FirstLevel qualified(int secondId, String name, String qualification) {
            return second(secondId, name, true, List.of(qualification), "需提供《" + qualification + "》");
        }

        private FirstLevel second(int secondId, String name, boolean sensitive, List<String> qualifications,
                                  String remark) {
            nodes.put(secondId, new Node(secondId, name, 2, id, List.of(), sensitive, qualifications, remark));
            nodes.get(id).children().add(secondId);
            return this;
        }
    }

    private FirstLevel first(int id, String name) {
        nodes.put(id, new Node(id, name, 1, 0, new ArrayList<>(), false, List.of(), ""));
        nodes.get(0).children().add(id);
        return new FirstLevel(id);
    }

    /** Whether {@code second} is a second-level category under the first-level {@code first}. */
    boolean isSettable(long first, long second) {
        if (second != (int) second) {
            return false;
        }
        Node node = nodes.get((int) second);
        return node != null && node.level() == 2 && node.father() == first;
    }

    boolean isSensitive(CategoryKey key) {
        Node node = nodes.get(key.second());
        return node != null && node.sensitive();
    }

    /** The name of a category id, empty if unknown. */
    String name(int id) {
        Node node = nodes.get(id);
        return node == null ? "" : node.name();
    }

    /** The getallcategories answer. */
    ObjectNode toResponse() {
        ArrayNode categories = Json.array();
        nodes.values().forEach(node -> categories.add(toJson(node)));
        ObjectNode body = Json.object();
        body.put("errcode", 0);
        body.put("errmsg", "ok");
        body.putObject("categories_list").set("categories", categories);
        return body;
    }

    private static ObjectNode toJson(Node node) {
        ObjectNode json = Json.object();
        json.put("id", node.id());
        json.put("name", node.name());
        json.put("level", node.level());
        json.put("father", node.father());
        ArrayNode children = json.putArray("children");
        node.children().forEach(children::add);
        json.put("sensitive_type", node.sensitive() ? 1 : 0);
        ObjectNode qualify = json.putObject("qualify");
        ArrayNode exterList = qualify.putArray("exter_list");
        if (!node.qualifications().isEmpty()) {
            ArrayNode innerList = exterList.addObject().putArray("inner_list");
            node.qualifications().forEach(name -> innerList.addObject().put("name", name).put("url", ""));
        }
        qualify.put("remark", node.remark());
        return json;
    }
}
