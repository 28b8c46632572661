package io.camelwechat.component.wechat.model;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * WeChat's official-account template industry table (setIndustry "Industry Code Queries"): code 1..41 with the
 * Chinese first and second class names getIndustry answers with.
 */
public enum Industry {
    IT_INTERNET_ECOMMERCE(1, "IT科技", "互联网|电子商务"),
    IT_SOFTWARE_SERVICES(2, "IT科技", "IT软件与服务"),
    IT_HARDWARE_EQUIPMENT(3, "IT科技", "IT硬件与设备"),
    IT_ELECTRONICS(4, "IT科技", "电子技术"),
    IT_TELECOM_OPERATORS(5, "IT科技", "通信与运营商"),
    IT_ONLINE_GAMES(6, "IT科技", "网络游戏"),
    FINANCE_BANK(7, "金融业", "银行"),
    FINANCE_FUND_WEALTH_TRUST(8, "金融业", "基金|理财|信托"),
    FINANCE_INSURANCE(9, "金融业", "保险"),
    CATERING(10, "餐饮", "餐饮"),
    HOTEL(11, "酒店旅游", "酒店"),
    TRAVEL(12, "酒店旅游", "旅游"),
    TRANSPORT_EXPRESS(13, "运输与仓储", "快递"),
    TRANSPORT_LOGISTICS(14, "运输与仓储", "物流"),
    TRANSPORT_WAREHOUSING(15, "运输与仓储", "仓储"),
    EDUCATION_TRAINING(16, "教育", "培训"),
    EDUCATION_SCHOOLS(17, "教育", "院校"),
    GOVERNMENT_RESEARCH(18, "政府与公共事业", "学术科研"),
    GOVERNMENT_TRAFFIC_POLICE(19, "政府与公共事业", "交警"),
    GOVERNMENT_MUSEUM(20, "政府与公共事业", "博物馆"),
    GOVERNMENT_PUBLIC_NONPROFIT(21, "政府与公共事业", "公共事业|非盈利机构"),
    MEDICAL_MEDICINE(22, "医药护理", "医药医疗"),
    MEDICAL_CARE_BEAUTY(23, "医药护理", "护理美容"),
    MEDICAL_HEALTH_HYGIENE(24, "医药护理", "保健与卫生"),
    VEHICLE_AUTOMOTIVE(25, "交通工具", "汽车相关"),
    VEHICLE_MOTORCYCLE(26, "交通工具", "摩托车相关"),
    VEHICLE_TRAIN(27, "交通工具", "火车相关"),
    VEHICLE_AIRCRAFT(28, "交通工具", "飞机相关"),
    REAL_ESTATE_CONSTRUCTION(29, "房地产", "建筑"),
    REAL_ESTATE_PROPERTY(30, "房地产", "物业"),
    CONSUMER_GOODS(31, "消费品", "消费品"),
    BUSINESS_LAW(32, "商业服务", "法律"),
    BUSINESS_EXHIBITIONS(33, "商业服务", "会展"),
    BUSINESS_INTERMEDIARY(34, "商业服务", "中介服务"),
    BUSINESS_CERTIFICATION(35, "商业服务", "认证"),
    BUSINESS_AUDIT(36, "商业服务", "审计"),
    ARTS_MEDIA(37, "文体娱乐", "传媒"),
    ARTS_SPORTS(38, "文体娱乐", "体育"),
    ARTS_LEISURE(39, "文体娱乐", "娱乐休闲"),
    PRINTING(40, "印刷", "印刷"),
    OTHER(41, "其它", "其它");

    public static final int MIN_CODE = 1;
    public static final int MAX_CODE = 41;

    /** Names seen live that differ from the documented table (wechat-api-facts.md 6.8), mapped to the documented ones. */
    private static final Map<String, String> LIVE_VARIANTS = Map.of(
            "医疗护理", "医药护理",
            "其他", "其它");

    private static final Map<Integer, Industry> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Industry::code, Function.identity()));

    /** The documented names, first class then second: what getIndustry answers for most accounts. */
    private static final Map<String, Map<String, Industry>> BY_NAMES = Arrays.stream(values())
            .collect(Collectors.groupingBy(Industry::firstClass, Collectors.toUnmodifiableMap(Industry::secondClass,
                    Function.identity())));

    private final int code;
    private final String firstClass;
    private final String secondClass;

    Industry(int code, String firstClass, String secondClass) {
        this.code = code;
        this.firstClass = firstClass;
        this.secondClass = secondClass;
    }

    public int code() {
        return code;
    }

    public String firstClass() {
        return firstClass;
    }

    public String secondClass() {
        return secondClass;
    }

    /**
     * @throws IllegalArgumentException if {@code code} is outside 1..41
     */
    public static Industry fromCode(int code) {
        Industry industry = BY_CODE.get(code);
        if (industry == null) {
            throw new IllegalArgumentException(
                    "industry code must be between " + MIN_CODE + " and " + MAX_CODE + ", got " + code);
        }
        return industry;
    }

    /**
     * Best-effort match of the names getIndustry answers with. Live answers differ from the documented table
     * ({@code 医疗护理} for {@code 医药护理}, {@code 其他} for {@code 其它}, {@code /} for {@code |}, and both names
     * folded into one field as in {@code 房地产|建筑}), so the match first normalises, then compares the pair, then
     * the set of all name parts. Never throws: an unknown name gives an empty result.
     */
    public static Optional<Industry> match(String firstClass, String secondClass) {
        Optional<Industry> documented = byNames(firstClass, secondClass); // most answers: nothing to normalise
        if (documented.isPresent()) {
            return documented;
        }
        String first = normalise(firstClass);
        String second = normalise(secondClass);
        Optional<Industry> normalised = byNames(first, second);
        if (normalised.isPresent()) {
            return normalised;
        }
        Set<String> parts = new HashSet<>();
        parts.addAll(parts(first));
        parts.addAll(parts(second));
        List<Industry> candidates = Arrays.stream(values())
                .filter(industry -> parts.contains(industry.firstClass)
                        && parts.containsAll(parts(industry.secondClass)))
                .toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static Optional<Industry> byNames(String firstClass, String secondClass) {
        if (firstClass == null || secondClass == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NAMES.getOrDefault(firstClass, Map.of()).get(secondClass));
    }

    private static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String trimmed = name.trim().replace('/', '|').replace('｜', '|');
        for (Map.Entry<String, String> variant : LIVE_VARIANTS.entrySet()) {
            trimmed = trimmed.replace(variant.getKey(), variant.getValue());
        }
        return trimmed;
    }

    private static List<String> parts(String name) {
        return Arrays.stream(name.split("\\|")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }
}
