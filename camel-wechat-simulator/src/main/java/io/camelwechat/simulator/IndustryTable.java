package io.camelwechat.simulator;

import java.util.List;
import java.util.Map;

/**
 * WeChat's template-message industry table: ids 1..41 with the Chinese names getIndustry answers with
 * (seed 000 setIndustry lists the table; seed 001 getIndustry shows the names are Chinese). Only id 1 has a
 * {@code |} inside a name, as seed 001's example shows it ({@code 互联网|电子商务}); 8 and 21 have none
 * (seed 000: "Fund Financial Trust", "Public utility non-profit agencies").
 *
 * <p>The live service has been seen answering some entries with other names than the documented table
 * (wechat-api-facts.md section 6, item 8); {@link #names(int, boolean)} can answer with those instead.
 */
final class IndustryTable {

    static final int MIN_ID = 1;
    static final int MAX_ID = 41;

    /** A pair of names as getIndustry returns it. */
    record Names(String firstClass, String secondClass) {
    }

    private static final List<Names> DOCUMENTED = List.of(
            new Names("IT科技", "互联网|电子商务"),
            new Names("IT科技", "IT软件与服务"),
            new Names("IT科技", "IT硬件与设备"),
            new Names("IT科技", "电子技术"),
            new Names("IT科技", "通信与运营商"),
            new Names("IT科技", "网络游戏"),
            new Names("金融业", "银行"),
            new Names("金融业", "基金理财信托"),
            new Names("金融业", "保险"),
            new Names("餐饮", "餐饮"),
            new Names("酒店旅游", "酒店"),
            new Names("酒店旅游", "旅游"),
            new Names("运输与仓储", "快递"),
            new Names("运输与仓储", "物流"),
            new Names("运输与仓储", "仓储"),
            new Names("教育", "培训"),
            new Names("教育", "院校"),
            new Names("政府与公共事业", "学术科研"),
            new Names("政府与公共事业", "交警"),
            new Names("政府与公共事业", "博物馆"),
            new Names("政府与公共事业", "公共事业非盈利机构"),
            new Names("医药护理", "医药医疗"),
            new Names("医药护理", "护理美容"),
            new Names("医药护理", "保健与卫生"),
            new Names("交通工具", "汽车相关"),
            new Names("交通工具", "摩托车相关"),
            new Names("交通工具", "火车相关"),
            new Names("交通工具", "飞机相关"),
            new Names("房地产", "建筑"),
            new Names("房地产", "物业"),
            new Names("消费品", "消费品"),
            new Names("商业服务", "法律"),
            new Names("商业服务", "会展"),
            new Names("商业服务", "中介服务"),
            new Names("商业服务", "认证"),
            new Names("商业服务", "审计"),
            new Names("文体娱乐", "传媒"),
            new Names("文体娱乐", "体育"),
            new Names("文体娱乐", "娱乐休闲"),
            new Names("印刷", "印刷"),
            new Names("其它", "其它"));

    /**
     * Observed live variants (facts 6.8): 22-24 under 医疗护理 (WxJava #2848), 29 as 房地产 / 房地产|建筑
     * (WxJava #1413 shows the live second_class), 41 as 其他 (facts: 其他/其它; the second_class spelling
     * is assumed to follow the first).
     */
    private static final Map<Integer, Names> LIVE_VARIANTS = Map.of(
            22, new Names("医疗护理", "医药医疗"),
            23, new Names("医疗护理", "护理美容"),
            24, new Names("医疗护理", "保健与卫生"),
            29, new Names("房地产", "房地产|建筑"),
            41, new Names("其他", "其他"));

    static boolean isValidId(long id) {
        return id >= MIN_ID && id <= MAX_ID;
    }

    /** The names for an industry id; {@code live} picks the variants seen on the live service. */
    static Names names(int id, boolean live) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("industry id must be 1..41: " + id);
        }
        Names variant = live ? LIVE_VARIANTS.get(id) : null;
        return variant != null ? variant : DOCUMENTED.get(id - 1);
    }

    private IndustryTable() {
    }
}
