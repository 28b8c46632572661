package io.camelwechat.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tree of settable mini-program categories that getallcategories answers with (official shape: id 0 is
 * the root whose children are the first-level ids).
 *
 * <p>The default is the excerpt WeChat's getAllCategories page shows, so every id a user copies from the
 * simulator is an id WeChat has: 1 快递业与邮政 with 2, 5, 556, 558 and 1033, 8 教育 with 37, 39 and 580,
 * 42 医疗 with 43, and 402 with 920 (the page's example, as WxJava's test fixture quotes it, and the seed
 * pages for 8 / 39). The names of 8 and 39 come from the seed pages, those of 2, 5, 556 and 558 from a live
 * answer (see the README); the others are guesses. More categories can be added with
 * {@link WeChatSimulator.Builder#settableCategory}, e.g. to reach the 20-category limit, which the ten
 * documented ones cannot.
 */
final class CategoryTree {

    /** One node; {@code qualifications} empty for non-sensitive categories. */
    record Node(int id, String name, int level, int father, List<Integer> children, boolean sensitive,
                List<String> qualifications, String remark) {
    }

    private final Map<Integer, Node> nodes = new LinkedHashMap<>();

    /** The tree shipped with the simulator: WeChat's documented example. */
    static CategoryTree standard() {
        CategoryTree tree = new CategoryTree();
        tree.add(1, "快递业与邮政", 2, "快递、物流");
        tree.add(1, "快递业与邮政", 5, "仓储");
        tree.add(1, "快递业与邮政", 556, "邮政",
                "《审批单位关于申请单位经营邮政通信业务的批复》", "《审批单位经营邮政通信业务许可登记表》");
        tree.add(1, "快递业与邮政", 558, "装卸搬运");
        tree.add(1, "快递业与邮政", 1033, "快递柜");
        tree.add(8, "教育", 37, "教育信息服务");
        tree.add(8, "教育", 39, "出国移民", "《因私出入境中介机构经营许可证》");
        tree.add(8, "教育", 580, "特殊人群教育");
        tree.add(42, "医疗", 43, "公立医疗机构", "《医疗机构执业许可证》");
        tree.add(402, "体育", 920, "体育场馆服务");
        return tree;
    }

    private CategoryTree() {
        nodes.put(0, new Node(0, "", 0, 0, new ArrayList<>(), false, List.of(), ""));
    }

    /**
     * Adds a settable second-level category, and its first-level category if new. Non-empty
     * {@code qualifications} make it sensitive ({@code sensitive_type} 1): it needs those certificates.
     *
     * @throws IllegalArgumentException for ids that are not positive or clash with the tree: a first-level id
     *                                  known under another name or as a second-level one, a second-level id
     *                                  already known
     */
    void add(int first, String firstName, int second, String secondName, String... qualifications) {
        if (first < 1 || second < 1 || first == second) {
            throw new IllegalArgumentException("category ids must be positive and different: " + first + "/" + second);
        }
        requireText(firstName, "firstName");
        requireText(secondName, "secondName");
        Node parent = nodes.get(first);
        if (parent != null && (parent.level() != 1 || !parent.name().equals(firstName))) {
            throw new IllegalArgumentException("category " + first + " is already " + parent.name()
                    + " (level " + parent.level() + ")");
        }
        if (nodes.containsKey(second)) {
            throw new IllegalArgumentException("category " + second + " already exists");
        }
        List<String> required = List.of(qualifications);
        required.forEach(name -> requireText(name, "qualification"));
        if (parent == null) {
            parent = new Node(first, firstName, 1, 0, new ArrayList<>(), false, List.of(), "");
            nodes.put(first, parent);
            nodes.get(0).children().add(first);
        }
        String remark = required.isEmpty() ? "" : "需提供" + String.join("、", required);
        nodes.put(second, new Node(second, secondName, 2, first, List.of(), !required.isEmpty(), required, remark));
        parent.children().add(second);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
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
        if (!node.qualifications().isEmpty()) { // one group of documents, all required (the live answers' shape)
            ArrayNode innerList = exterList.addObject().putArray("inner_list");
            node.qualifications().forEach(name -> innerList.addObject().put("name", name).put("url", ""));
        }
        qualify.put("remark", node.remark());
        return json;
    }
}
