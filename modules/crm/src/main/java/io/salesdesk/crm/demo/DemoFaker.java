package io.salesdesk.crm.demo;

import io.salesdesk.core.CreditCode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic generator of plausible Chinese demo data for the demo workspace of a
 * medical-device distributor in East China: hospitals, township health centres (卫生院),
 * community health service centres, clinics and dental/eye chains, third-party labs,
 * pharmacy chains and sub-distributors, with their contacts and sales follow-ups.
 *
 * <p>The same seed and the same sequence of calls give the same output, so a demo workspace
 * can be rebuilt identically. All names are made up from pools of words; competitor names
 * are invented and no real brand is used. Not thread-safe: use one instance per thread.
 */
public final class DemoFaker {

    /** Industry code of public and private hospitals. */
    public static final String HOSPITAL = "HOSPITAL";
    /** Industry code of township health centres and community health service centres (基层医疗). */
    public static final String PRIMARY_CARE = "PRIMARY_CARE";
    /** Industry code of private clinics and dental or eye chains. */
    public static final String CLINIC = "CLINIC";
    /** Industry code of third-party medical laboratories and diagnostic centres. */
    public static final String LAB = "LAB";
    /** Industry code of pharmacy chains. */
    public static final String PHARMACY = "PHARMACY";
    /** Industry code of smaller distributors that buy from us to resell (二级经销商). */
    public static final String DISTRIBUTOR = "DISTRIBUTOR";

    /** Kinds of sales activity that {@link #activityNote(String)} understands. */
    public static final List<String> ACTIVITY_KINDS = List.of("CALL", "VISIT", "MEETING", "DEMO", "NOTE");

    // Surname shares in parts per ten thousand, after the national census; 欧阳 and 诸葛 for the odd compound surname.
    private static final Weighted SURNAMES = Weighted.parse(
            "王710 李700 张670 刘540 陈460 杨310 黄240 赵220 吴200 周190 徐160 孙150 马140 朱130 胡130"
            + " 郭120 何110 高110 林110 罗90 郑80 梁80 谢70 宋60 唐60 许60 韩60 冯50 邓50 曹50 彭50"
            + " 曾50 肖50 田40 董40 袁40 潘40 于40 蒋40 蔡40 余40 杜40 叶40 程30 苏30 魏30 吕30 丁30"
            + " 任30 沈30 姚30 卢30 姜30 崔20 钟20 谭20 陆20 汪20 范20 金20 石20 廖20 贾20 夏20 韦20"
            + " 付20 方20 白20 邹20 孟20 熊20 秦20 邱20 江20 尹20 薛20 闫20 段10 雷10 侯10 龙10 史10"
            + " 陶10 黎10 贺10 顾10 毛10 郝10 龚10 邵10 万10 钱10 严10 覃10 武10 戴10 莫10 孔10 向10"
            + " 汤10 欧阳2 诸葛1");
    private static final String MALE_GIVEN = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁浩凯健俊帆旭宇晨亮峰建国志文东海林永春成德荣新龙毅锋振洪博然";
    private static final String FEMALE_GIVEN = "芳娜敏静丽艳娟霞燕玲婷雪慧红颖琳倩洁晶萍丹梅琴云莉兰璐佳欣怡雯蕾露琪薇瑶菲媛";
    private static final String NEUTRAL_GIVEN = "晓文子思一嘉雨家天梓秀立小海志永少建";

    // Two of these make a brand word ("瑞康", "恒安"); 114 characters give over 12,000 brands.
    private static final String BRAND_CHARACTERS = "康瑞华仁济安泰和美德博恒晟嘉益信达佳禾盛源善悦宁景润禧祥福泽睿诚"
            + "正弘远航卓越鼎明亿欣天元辰启翰汇丰通宏广利隆兴昌鸿健爱心怡众合协同惠民致瀚澄清永新锦程百优"
            + "诺凯伦奥科创誉尚品佑伊宜舒雅道志方圆长青春晖昊阳宸恩慈铭鑫瑾瑜璟琪朗钧盈硕";
    // Brand words that happen to be well-known healthcare names in China, kept out of demo data.
    private static final Set<String> REAL_BRANDS = Set.of(
            "爱尔", "迪安", "金域", "益丰", "美年", "瑞慈", "华润", "国药", "九州", "一心", "通策", "普瑞", "华厦",
            "爱康", "和睦", "慈铭", "泰康", "和美", "嘉会", "明德", "康宁", "鸿健", "海王", "老百", "德达", "瑞尔");
    private static final String PLACE_FIRST = "东西南北新长青石白金黄柳桃梅枫龙凤马湖河江溪塘桥山沙杨李洪安丰太永和兴胜平横古花竹松";
    private static final String PLACE_SECOND = "桥塘港浦湾山泾溪口埠店集坝庄墩渡岗湖林泽圩浜里营阳头亭";
    private static final String[] HOSPITAL_ORDINALS = {"第二", "第三", "第四", "第五", "第六"};
    private static final String[] PRIVATE_HOSPITAL_KINDS = {
        "医院", "骨科医院", "妇产医院", "康复医院", "中西医结合医院", "肛肠医院", "老年病医院", "心血管病医院", "眼耳鼻喉医院"};
    private static final String[] CLINIC_KINDS = {
        "口腔门诊部", "口腔医院有限公司", "眼科医院有限公司", "眼科门诊部", "医疗美容门诊部", "综合门诊部", "齿科诊所"};
    private static final String[] CLINIC_SPECIALTIES = {"内科", "中医", "全科", "口腔", "外科"};
    private static final String[] LAB_KINDS = {
        "医学检验实验室有限公司", "医学检验所有限公司", "病理诊断中心有限公司", "医学影像诊断中心有限公司"};
    private static final String[] PHARMACY_KINDS = {"大药房连锁有限公司", "医药连锁有限公司", "大药房有限公司", "堂大药房有限公司"};
    private static final String[] DISTRIBUTOR_KINDS = {
        "医疗器械有限公司", "医疗科技有限公司", "医疗设备有限公司", "医疗器械贸易有限公司", "医疗用品有限公司"};
    // Share of each kind of customer in a distributor's book, in percent.
    private static final Weighted CUSTOMER_KINDS = Weighted.parse(
            "HOSPITAL25 PRIMARY_CARE25 CLINIC20 LAB8 PHARMACY10 DISTRIBUTOR12");
    // Public hospitals are few per county, so they are drawn rarely to keep names distinct.
    private static final Weighted HOSPITAL_KINDS = Weighted.parse("PEOPLES2 TCM1 MATERNAL1 PRIVATE12 COUNTY_PRIVATE6");
    private static final int NAME_ATTEMPTS = 20;

    private static final Weighted TIERS = Weighted.parse("A10 B25 C40 D25");
    private static final String[] ROADS = {
        "人民", "解放", "中山", "建设", "新华", "长江", "东环", "西环", "凤凰", "学府", "文化", "健康", "友谊", "和平",
        "胜利", "青年", "工业", "科技", "创业", "育才", "朝阳", "迎宾", "振兴", "园林", "湖滨", "滨江", "运河", "望江",
        "金桥", "银杏", "香樟", "梧桐", "玉兰", "桂花", "紫薇", "东风", "光明", "幸福", "团结", "富民", "兴业", "环城",
        "迎春", "春晖", "双塘", "通江", "新民", "南环", "北环", "塘湾", "锦绣", "长安", "永安", "康乐"};
    private static final String ROAD_DIRECTIONS = "东西南北中";
    private static final String[] CITY_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"};
    private static final String[] MOBILE_PREFIXES = {
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157",
        "158", "159", "166", "173", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189",
        "191", "195", "198", "199"};
    // 苏州, 杭州, 浦东, 南京, 宁波, 合肥, 福州, 青岛, 南昌, 温州, 无锡, 常州, 嘉兴, 绍兴, 济南, 厦门.
    private static final String[] EAST_CHINA_ADCODES = {
        "320500", "330100", "310115", "320100", "330200", "340100", "350100", "370200", "360100", "330300",
        "320200", "320400", "330400", "330600", "370100", "350200"};
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private static final String[] HOSPITAL_TITLES = {
        "院长", "副院长", "设备科科长", "设备科副科长", "采购中心主任", "检验科主任", "超声科主任", "放射科主任",
        "麻醉科主任", "ICU主任", "护士长", "药剂科主任", "医务科科长", "财务科科长", "信息科科长"};
    private static final String[] PRIMARY_CARE_TITLES = {
        "院长", "副院长", "中心主任", "中心副主任", "设备管理员", "总务科科长", "财务主管", "护士长", "检验室负责人"};
    private static final String[] CLINIC_TITLES = {
        "总经理", "院长", "执行院长", "店长", "采购经理", "运营总监", "护士长", "财务主管", "区域经理"};
    private static final String[] LAB_TITLES = {
        "总经理", "实验室主任", "质量负责人", "技术负责人", "采购经理", "财务主管"};
    private static final String[] PHARMACY_TITLES = {
        "总经理", "采购总监", "采购经理", "品类经理", "店长", "区域经理", "财务主管"};
    private static final String[] DISTRIBUTOR_TITLES = {
        "总经理", "副总经理", "销售经理", "采购经理", "商务主管", "财务主管", "法定代表人"};

    // Each device with the department that uses it and a typical purchase budget in 万元, so that
    // a note never demonstrates a CBCT in the ICU or budgets 300万 for an ECG machine.
    private static final ProductLine[] PRODUCT_LINES = {
        new ProductLine("彩超", "超声科", 40, 300), new ProductLine("全自动生化分析仪", "检验科", 50, 200),
        new ProductLine("多参数监护仪", "ICU", 15, 80), new ProductLine("呼吸机", "ICU", 20, 120),
        new ProductLine("电子胃肠镜", "消化内科", 80, 300), new ProductLine("输液泵", "急诊科", 10, 50),
        new ProductLine("注射泵", "ICU", 10, 40), new ProductLine("血细胞分析仪", "检验科", 20, 80),
        new ProductLine("化学发光免疫分析仪", "检验科", 60, 200), new ProductLine("DR", "放射科", 80, 250),
        new ProductLine("除颤仪", "急诊科", 8, 40), new ProductLine("麻醉机", "麻醉科", 30, 100),
        new ProductLine("高频电刀", "手术室", 10, 40), new ProductLine("牙科综合治疗台", "口腔科", 10, 60),
        new ProductLine("口腔CBCT", "口腔科", 50, 150), new ProductLine("眼科OCT", "眼科", 50, 150),
        new ProductLine("裂隙灯", "眼科", 5, 20), new ProductLine("电脑验光仪", "眼科", 5, 20),
        new ProductLine("心电图机", "心电图室", 3, 15), new ProductLine("尿液分析仪", "检验科", 10, 60),
        new ProductLine("凝血分析仪", "检验科", 20, 80), new ProductLine("核酸提取仪", "PCR实验室", 20, 60),
        new ProductLine("制氧机", "呼吸内科", 3, 15), new ProductLine("雾化器", "儿科", 2, 10)};
    // Invented for the demo; none is a real manufacturer.
    private static final String[] COMPETITORS = {
        "衡远医疗", "启澜医疗", "北辰影像", "云屹医疗", "泓锐科技", "朗泽生物", "澜石医疗", "敏曜医疗", "拓衡医疗", "霁川科技"};
    private static final String[] SHORT_TITLES = {"科长", "主任", "院长", "经理", "护士长", "老师"};
    private static final String[] FEATURES = {
        "图像质量", "检测速度", "试剂开放性", "操作便捷性", "售后响应", "耗材成本", "与LIS对接", "与HIS对接"};
    private static final String[] FEEDBACK = {
        "图像清晰、操作顺手", "检测速度快，但试剂成本偏高", "界面易上手", "噪音偏大", "开机速度较慢", "报警设置合理"};
    private static final String[] PLATFORMS = {"省政府采购网", "市公共资源交易中心", "县公共资源交易平台", "医院官网"};
    private static final String[] HOURS = {"2", "4", "8", "24"};
    private static final String[] WEEKDAYS = {"一", "二", "三", "四", "五"};

    private static final String[] CALL_NOTES = {
        "电话联系{dept}{who}，确认{product}更换需求，对方表示{month}月前提交采购申请。",
        "致电{who}跟进{product}报价，对方认为价格偏高，{competitor}报价低约{pct}%。",
        "电话回访{dept}，{product}试用反馈良好，{who}希望延长试用{n}周。",
        "与{who}电话沟通招标时间，预计{month}月在{platform}挂网。",
        "电话确认{product}预算已报卫健委审批，金额约{budget}万元，{who}让等通知。",
        "{who}来电询问{product}耗材价格和供货周期，已答复并承诺明天发资料。"};
    private static final String[] VISIT_NOTES = {
        "拜访{dept}{who}，现有{product}已使用{age}年，故障频繁，有更换计划。",
        "上门拜访院办，{boss}关注{product}的售后响应，要求{hours}小时内到场。",
        "拜访{dept}，{competitor}上周也来过，主推{product}，我方需突出售后和耗材价格优势。",
        "陪同厂家工程师拜访{dept}{who}，检查{product}运行情况，顺带介绍新款机型。",
        "拜访采购科{who}，了解{product}采购流程，需先过院内设备论证会。"};
    private static final String[] MEETING_NOTES = {
        "参加院内设备论证会，{product}进入明年采购计划，预算{budget}万元，待院长办公会审议。",
        "与{dept}{who}及采购科开会讨论{product}参数，对方要求参数不带排他性，{competitor}也在争取。",
        "与{who}商务谈判，{product}{n}台，对方要求再降{pct}%并把保修延长到{warranty}年。",
        "与{who}开会复盘{n}台{product}装机后的使用情况，科室提出培训需求。",
        "与{boss}及财务科开会确认{product}付款方式，首付{pct}%，余款验收后{n}个月内付清。",
        "陪同厂家区域经理与{boss}会谈，介绍{product}整体方案，对方希望{month}月前完成装机。"};
    private static final String[] DEMO_NOTES = {
        "在{dept}现场演示{product}，{who}及{n}名医生参加，对{feature}评价较好。",
        "{product}样机在{dept}试用第{n}天，操作人员反馈{feedback}。",
        "安排厂家应用专家为{dept}{who}演示{product}，重点讲解{feature}。",
        "在{dept}演示{product}新机型，{who}现场操作后认为{feature}优于{competitor}同类产品。",
        "{product}样机试用结束，{dept}{who}反馈{feedback}，同意走采购申请流程。",
        "为{who}远程视频演示{product}，对方关心{feature}，要求提供装机案例。"};
    private static final String[] NOTE_NOTES = {
        "{who}透露今年{product}预算已批复，约{budget}万元，招标预计{month}月启动。",
        "客户回款较慢，上一批{product}货款{budget}万元仍未到账，需财务跟进。",
        "听说{competitor}给{dept}的{product}方案是买设备送{n}年耗材，需评估我方应对策略。",
        "{dept}{who}将于{month}月退休，接任人选未定，需提前建立关系。",
        "{product}招标文件已在{platform}发布，评分偏重价格，{competitor}可能低价投标。"};

    private static final String[] COMMON_OUTCOMES = {"意向明确", "需再沟通", "等待预算", "已报价", "暂无需求"};
    private static final String[] CALL_OUTCOMES = {"未接通", "约到拜访时间"};
    private static final String[] VISIT_OUTCOMES = {"见到关键人", "有更换计划", "竞品已介入"};
    private static final String[] MEETING_OUTCOMES = {"达成初步共识", "价格待定", "进入采购计划"};
    private static final String[] DEMO_OUTCOMES = {"试用反馈良好", "需二次演示", "效果未达预期"};
    private static final String[] NOTE_OUTCOMES = {"信息已记录", "需内部评估"};
    private static final String[] NEXT_STEPS = {
        "下周{weekday}送样机到{dept}", "发报价单给采购科", "约{boss}面谈", "{month}月{day}日前提交投标文件",
        "请厂家出具{product}参数对比表", "安排工程师上门安装调试", "准备注册证和授权书复印件",
        "邀请{dept}主任参观样板医院", "跟进预算审批进度", "{n}天后电话回访{who}", "申请特价后重新报价",
        "提交{product}试用申请", "整理{competitor}的报价信息", "跟进尾款回款", "下周{weekday}安排操作培训"};

    private final SplittableRandom random;
    // Names already issued, so that the demo workspace does not trip its own duplicate check.
    private final Set<String> issuedCustomerNames = new HashSet<>();

    /**
     * Creates a generator; two generators with the same seed produce the same values.
     *
     * @param seed the seed of the pseudo-random sequence
     */
    public DemoFaker(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * A person's name: a surname drawn by its real frequency and a one- or two-character given name.
     *
     * @return a name such as "王晓峰" or "陈静"
     */
    public String personName() {
        String surname = SURNAMES.pick(random);
        String own = random.nextBoolean() ? MALE_GIVEN : FEMALE_GIVEN;
        // Single-character given names are common among the 30 to 55-year-olds who buy equipment.
        if (random.nextInt(4) == 0) {
            return surname + pickChar(own);
        }
        char first = random.nextInt(3) == 0 ? pickChar(NEUTRAL_GIVEN) : pickChar(own);
        return surname + first + pickChar(own);
    }

    /**
     * A made-up customer name in the given city and county, such as "苏州姑苏瑞康口腔门诊部" or
     * "德清县石桥镇卫生院". Names this generator has already issued are avoided where possible.
     *
     * @param cityName the city (地级市) as in the region table, e.g. "苏州市"; "市辖区" for
     *     the districts of a municipality; may be {@code null}
     * @param countyName the county or district, e.g. "姑苏区"; may be {@code null}
     * @return the customer name
     */
    public String customerName(String cityName, String countyName) {
        String name = null;
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            name = draftCustomerName(cityName, countyName);
            if (issuedCustomerNames.add(name)) {
                return name;
            }
        }
        return name;
    }

    /**
     * The industry code that a customer name implies; works for names from
     * {@link #customerName(String, String)} and for most real ones.
     *
     * @param customerName the customer name
     * @return one of {@link #HOSPITAL}, {@link #PRIMARY_CARE}, {@link #CLINIC}, {@link #LAB},
     *     {@link #PHARMACY} or, for anything else, {@link #DISTRIBUTOR}
     */
    public String industry(String customerName) {
        Objects.requireNonNull(customerName, "customerName");
        // Order matters: "社区卫生服务中心" before "诊断中心", "眼科医院" before "医院".
        if (containsAny(customerName, "卫生院", "卫生服务")) {
            return PRIMARY_CARE;
        }
        if (containsAny(customerName, "检验", "病理", "诊断中心", "实验室")) {
            return LAB;
        }
        if (containsAny(customerName, "药房", "医药连锁", "药店")) {
            return PHARMACY;
        }
        if (containsAny(customerName, "口腔", "齿科", "眼科", "门诊部", "诊所")) {
            return CLINIC;
        }
        if (containsAny(customerName, "医院", "保健院")) {
            return HOSPITAL;
        }
        return DISTRIBUTOR;
    }

    /**
     * A customer tier, A to D, drawn roughly 10/25/40/25 as in a typical customer book.
     *
     * @return "A", "B", "C" or "D"
     */
    public String tier() {
        return TIERS.pick(random);
    }

    /**
     * A street address in the given region. Placeholder city names such as "市辖区" are left
     * out, as is a city that repeats the province (municipalities).
     *
     * @param provinceName e.g. "江苏省"; may be {@code null}
     * @param cityName e.g. "苏州市" or "市辖区"; may be {@code null}
     * @param countyName e.g. "姑苏区"; may be {@code null}
     * @return an address such as "江苏省苏州市姑苏区人民南路128号"
     */
    public String streetAddress(String provinceName, String cityName, String countyName) {
        StringBuilder address = new StringBuilder();
        appendIfPresent(address, provinceName);
        boolean placeholderCity = cityName == null || Arrays.asList(CITY_PLACEHOLDERS).contains(cityName.strip());
        if (!placeholderCity && !cityName.strip().equals(provinceName == null ? null : provinceName.strip())) {
            appendIfPresent(address, cityName);
        }
        appendIfPresent(address, countyName);
        address.append(pick(ROADS));
        if (random.nextInt(10) < 3) {
            address.append(pickChar(ROAD_DIRECTIONS));
        }
        // Most buildings sit at low house numbers.
        int houseNumber = random.nextInt(4) == 0 ? 100 + random.nextInt(900) : 1 + random.nextInt(99);
        return address.append('路').append(houseNumber).append('号').toString();
    }

    /**
     * A mobile number with a prefix that Chinese carriers use.
     *
     * @return 11 digits, such as "13812345678"
     */
    public String mobile() {
        return pick(MOBILE_PREFIXES) + digits(8);
    }

    /**
     * A landline number with an eight-digit local part.
     *
     * @param areaCode the area code with or without its leading zero, e.g. "0512" or "512"
     * @return a number such as "0512-67891234"
     * @throws IllegalArgumentException if {@code areaCode} is not a Chinese area code
     */
    public String landline(String areaCode) {
        Objects.requireNonNull(areaCode, "areaCode");
        String code = areaCode.strip();
        if (!code.startsWith("0")) {
            code = "0" + code;
        }
        if (!code.matches("0[1-9]\\d{1,2}")) {
            throw new IllegalArgumentException("区号无效：" + areaCode);
        }
        return code + "-" + pickChar("5678") + digits(7);
    }

    /**
     * A job title for a contact at a customer of the given industry, e.g. "设备科科长" at a
     * hospital or "店长" at a pharmacy chain.
     *
     * @param industry one of the industry codes of this class
     * @return the title
     * @throws IllegalArgumentException if {@code industry} is not one of the codes
     */
    public String contactTitle(String industry) {
        Objects.requireNonNull(industry, "industry");
        switch (industry) {
            case HOSPITAL:
                return pick(HOSPITAL_TITLES);
            case PRIMARY_CARE:
                return pick(PRIMARY_CARE_TITLES);
            case CLINIC:
                return pick(CLINIC_TITLES);
            case LAB:
                return pick(LAB_TITLES);
            case PHARMACY:
                return pick(PHARMACY_TITLES);
            case DISTRIBUTOR:
                return pick(DISTRIBUTOR_TITLES);
            default:
                throw new IllegalArgumentException("未知行业代码：" + industry);
        }
    }

    /**
     * A valid company credit code registered in one of the larger East China cities.
     *
     * @return an 18-character 统一社会信用代码 starting with "91"
     */
    public String creditCode() {
        return creditCode(pick(EAST_CHINA_ADCODES));
    }

    /**
     * A valid company credit code registered in the given region.
     *
     * @param adcode6 the six-digit administrative division code, e.g. "320508"
     * @return an 18-character 统一社会信用代码 starting with "91" (industry and commerce, enterprise)
     * @throws IllegalArgumentException if {@code adcode6} is not six digits
     */
    public String creditCode(String adcode6) {
        return creditCode(adcode6, false);
    }

    /**
     * A valid credit code registered in the given region, for a company or for a public
     * institution (事业单位) such as a public hospital or 卫生院.
     *
     * @param adcode6 the six-digit administrative division code, e.g. "320508"
     * @param publicInstitution {@code true} for a code starting with "12" (机构编制, 事业单位),
     *     {@code false} for "91" (工商, 企业)
     * @return an 18-character 统一社会信用代码
     * @throws IllegalArgumentException if {@code adcode6} is not six digits
     */
    public String creditCode(String adcode6, boolean publicInstitution) {
        Objects.requireNonNull(adcode6, "adcode6");
        if (!adcode6.matches("\\d{6}")) {
            throw new IllegalArgumentException("行政区划代码应为 6 位数字：" + adcode6);
        }
        return CreditCode.withCheckDigit((publicInstitution ? "12" : "91") + adcode6 + organisationCode());
    }

    /**
     * A note on a sales follow-up about medical devices, 20 to 80 characters long.
     *
     * @param kind one of {@link #ACTIVITY_KINDS}: "CALL", "VISIT", "MEETING", "DEMO", "NOTE"
     * @return the note, e.g. "拜访超声科王主任，现有彩超已使用8年，故障频繁，有更换计划。"
     * @throws IllegalArgumentException if {@code kind} is not an activity kind
     */
    public String activityNote(String kind) {
        return fill(pick(notesOf(kind)));
    }

    /**
     * A short outcome of a sales activity, such as "意向明确" or "等待预算".
     *
     * @param kind one of {@link #ACTIVITY_KINDS}
     * @return the outcome
     * @throws IllegalArgumentException if {@code kind} is not an activity kind
     */
    public String activityOutcome(String kind) {
        String[] specific = outcomesOf(kind);
        int choice = random.nextInt(COMMON_OUTCOMES.length + specific.length);
        return choice < COMMON_OUTCOMES.length ? COMMON_OUTCOMES[choice] : specific[choice - COMMON_OUTCOMES.length];
    }

    /**
     * The next step agreed after a sales activity, such as "下周二送样机到设备科".
     *
     * @return the next step
     */
    public String nextStep() {
        return fill(pick(NEXT_STEPS));
    }

    /**
     * The short form of a place name used inside organisation names: "苏州市" → "苏州",
     * "姑苏区" → "姑苏", "浦东新区" → "浦东", "景宁畲族自治县" → "景宁". A name that would
     * shrink to one character keeps its suffix ("沛县"); placeholders such as "市辖区" give "".
     */
    static String shortPlaceName(String name) {
        if (name == null) {
            return "";
        }
        String place = name.strip();
        if (place.isEmpty() || Arrays.asList(CITY_PLACEHOLDERS).contains(place)) {
            return "";
        }
        if (place.indexOf("自治") > 0) {
            return place.substring(0, 2);
        }
        for (String suffix : new String[] {"新区", "地区", "市", "区", "县", "旗"}) {
            if (place.endsWith(suffix) && place.length() - suffix.length() >= 2) {
                return place.substring(0, place.length() - suffix.length());
            }
        }
        return place;
    }

    private String draftCustomerName(String cityName, String countyName) {
        String city = shortPlaceName(cityName);
        String county = shortPlaceName(countyName);
        String countyFull = countyName == null ? "" : countyName.strip();
        // "苏州姑苏", or just "姑苏" when the county already carries the city ("苏州工业园").
        String local = county.startsWith(city) ? county : city + county;
        String prefix = city.isEmpty() ? county : city;
        switch (CUSTOMER_KINDS.pick(random)) {
            case HOSPITAL:
                return hospitalName(local, prefix);
            case PRIMARY_CARE:
                return primaryCareName(countyFull.isEmpty() ? city : countyFull);
            case CLINIC:
                if (random.nextInt(5) == 0) {
                    return local + brand() + pick(CLINIC_SPECIALTIES) + "诊所";
                }
                return prefix + brand() + pick(CLINIC_KINDS);
            case LAB:
                return prefix + brand() + pick(LAB_KINDS);
            case PHARMACY:
                return prefix + brand() + pick(PHARMACY_KINDS);
            default:
                return prefix + brand() + pick(DISTRIBUTOR_KINDS);
        }
    }

    private String hospitalName(String local, String prefix) {
        switch (HOSPITAL_KINDS.pick(random)) {
            case "PEOPLES":
                return local + pick(HOSPITAL_ORDINALS) + "人民医院";
            case "TCM":
                return local + "中医院";
            case "MATERNAL":
                return local + "妇幼保健院";
            case "COUNTY_PRIVATE":
                return local + brand() + "医院";
            default:
                return prefix + brand() + pick(PRIVATE_HOSPITAL_KINDS);
        }
    }

    private String primaryCareName(String county) {
        String place = placeName();
        switch (random.nextInt(4)) {
            case 0:
                return county + place + "镇卫生院";
            case 1:
                return county + place + "镇中心卫生院";
            case 2:
                return county + place + "街道社区卫生服务中心";
            default:
                return county + place + "社区卫生服务中心";
        }
    }

    /** A two-character brand word that is not a well-known real one. */
    private String brand() {
        while (true) {
            char first = pickChar(BRAND_CHARACTERS);
            char second = pickChar(BRAND_CHARACTERS);
            String brand = "" + first + second;
            if (first != second && !REAL_BRANDS.contains(brand)) {
                return brand;
            }
        }
    }

    /** A two-character town or street name such as "石桥" or "梅泾". */
    private String placeName() {
        return "" + pickChar(PLACE_FIRST) + pickChar(PLACE_SECOND);
    }

    /** Positions 9–17 of a credit code: the organisation code with its GB 11714 check character. */
    private String organisationCode() {
        StringBuilder body = new StringBuilder(9);
        // Codes issued since 2015 start with "MA"; older ones carry the former all-digit organisation code.
        if (random.nextBoolean()) {
            body.append("MA");
            while (body.length() < 8) {
                body.append(pickChar(USCC_ALPHABET));
            }
        } else {
            body.append(digits(8));
        }
        int sum = 0;
        for (int i = 0; i < ORGANISATION_CODE_WEIGHTS.length; i++) {
            char c = body.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORGANISATION_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return body.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check)).toString();
    }

    private String[] notesOf(String kind) {
        switch (requireKind(kind)) {
            case "CALL":
                return CALL_NOTES;
            case "VISIT":
                return VISIT_NOTES;
            case "MEETING":
                return MEETING_NOTES;
            case "DEMO":
                return DEMO_NOTES;
            default:
                return NOTE_NOTES;
        }
    }

    private String[] outcomesOf(String kind) {
        switch (requireKind(kind)) {
            case "CALL":
                return CALL_OUTCOMES;
            case "VISIT":
                return VISIT_OUTCOMES;
            case "MEETING":
                return MEETING_OUTCOMES;
            case "DEMO":
                return DEMO_OUTCOMES;
            default:
                return NOTE_OUTCOMES;
        }
    }

    private static String requireKind(String kind) {
        if (!ACTIVITY_KINDS.contains(kind)) {
            throw new IllegalArgumentException("未知活动类型：" + kind);
        }
        return kind;
    }

    /**
     * Replaces each {slot} of a template, left to right, with a fresh random value; {product},
     * {dept} and {budget} share one product line within a template.
     */
    private String fill(String template) {
        ProductLine productLine = null;
        StringBuilder text = new StringBuilder(template.length() + 20);
        int position = 0;
        while (position < template.length()) {
            int open = template.indexOf('{', position);
            if (open < 0) {
                text.append(template, position, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            String name = template.substring(open + 1, close);
            text.append(template, position, open);
            if (name.equals("product") || name.equals("dept") || name.equals("budget")) {
                if (productLine == null) {
                    productLine = PRODUCT_LINES[random.nextInt(PRODUCT_LINES.length)];
                }
                text.append(productSlot(name, productLine));
            } else {
                text.append(slot(name));
            }
            position = close + 1;
        }
        return text.toString();
    }

    private String productSlot(String name, ProductLine line) {
        switch (name) {
            case "product":
                return line.device();
            case "dept":
                return line.department();
            default:
                return String.valueOf(line.minBudget() + random.nextInt(line.maxBudget() - line.minBudget() + 1));
        }
    }

    private String slot(String name) {
        switch (name) {
            case "who":
                return SURNAMES.pick(random) + pick(SHORT_TITLES);
            case "boss":
                return SURNAMES.pick(random) + (random.nextBoolean() ? "院长" : "副院长");
            case "competitor":
                return pick(COMPETITORS);
            case "month":
                return String.valueOf(1 + random.nextInt(12));
            case "day":
                return String.valueOf(1 + random.nextInt(28));
            case "weekday":
                return pick(WEEKDAYS);
            case "pct":
                return String.valueOf(5 + random.nextInt(16));
            case "n":
                return String.valueOf(2 + random.nextInt(5));
            case "age":
                return String.valueOf(6 + random.nextInt(7));
            case "warranty":
                return String.valueOf(3 + random.nextInt(3));
            case "hours":
                return pick(HOURS);
            case "feature":
                return pick(FEATURES);
            case "feedback":
                return pick(FEEDBACK);
            case "platform":
                return pick(PLATFORMS);
            default:
                throw new IllegalStateException("Unknown template slot: " + name);
        }
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private char pickChar(String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private static void appendIfPresent(StringBuilder address, String part) {
        if (part != null && !part.isBlank()) {
            address.append(part.strip());
        }
    }

    private static boolean containsAny(String text, String... words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** A device we sell, the hospital department that uses it, and what one purchase usually costs in 万元. */
    private record ProductLine(String device, String department, int minBudget, int maxBudget) {
    }

    /** Values drawn with integer weights, parsed from "王710 李700 ...": leading text is the value, trailing digits the weight. */
    private static final class Weighted {
        private final String[] values;
        private final int[] cumulative;

        private Weighted(String[] values, int[] cumulative) {
            this.values = values;
            this.cumulative = cumulative;
        }

        static Weighted parse(String spec) {
            String[] entries = spec.strip().split("\\s+");
            String[] values = new String[entries.length];
            int[] cumulative = new int[entries.length];
            int total = 0;
            for (int i = 0; i < entries.length; i++) {
                int digitsStart = entries[i].length();
                while (Character.isDigit(entries[i].charAt(digitsStart - 1))) {
                    digitsStart--;
                }
                values[i] = entries[i].substring(0, digitsStart);
                total += Integer.parseInt(entries[i].substring(digitsStart));
                cumulative[i] = total;
            }
            return new Weighted(values, cumulative);
        }

        String pick(SplittableRandom random) {
            int ticket = random.nextInt(cumulative[cumulative.length - 1]);
            int index = Arrays.binarySearch(cumulative, ticket + 1);
            return values[index >= 0 ? index : -index - 1];
        }
    }
}
