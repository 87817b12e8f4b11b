package io.salesdesk.bench;

import io.salesdesk.crm.demo.DemoFaker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a realistic customer ledger for the import benchmark: a merged title row, 20 Chinese
 * columns, 金额 in 万元, dates typed four ways, phones with spaces, and about 2 % bad rows
 * (wrong credit-code check digit, a short phone, an impossible date). Owners are the demo
 * workspace's reps by login, so the ledger imports into a fresh {@code salesdesk demo --customers 0}.
 *
 * <p>{@code java -cp modules/bench/target/benchmarks.jar io.salesdesk.bench.LedgerGenerator OUT.xlsx [ROWS]}
 */
public final class LedgerGenerator {

    private static final String[] HEADERS = {"序号", "客户名称", "统一社会信用代码", "客户等级", "行业", "省份", "城市", "区县",
        "详细地址", "联系电话", "联系人", "联系人手机", "业务员", "合同金额(万元)", "签约日期", "最近跟进", "备注", "客户来源", "邮箱", "官网"};
    private static final String[][] PLACES = {
        {"上海市", "上海市", "浦东新区", "310115"}, {"上海市", "上海市", "闵行区", "310112"},
        {"江苏省", "苏州市", "姑苏区", "320508"}, {"江苏省", "南京市", "鼓楼区", "320106"},
        {"江苏省", "无锡市", "梁溪区", "320213"}, {"浙江省", "杭州市", "西湖区", "330106"},
        {"浙江省", "宁波市", "海曙区", "330203"}, {"浙江省", "温州市", "鹿城区", "330302"},
    };
    private static final String[] OWNERS = {"rep.sh1", "rep.sh2", "rep.js1", "rep.js3", "rep.zj2", "rep.zj4"};
    private static final String[] SOURCES = {"展会", "转介绍", "招标网", "老客户", "官网咨询"};

    private LedgerGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Paths.get(args.length > 0 ? args[0] : "target/customer-ledger-100k.xlsx");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long started = System.nanoTime();
        write(out, rows, 20260101L);
        System.out.printf("Wrote %,d rows to %s (%,d KB) in %.1f s%n", rows, out, Files.size(out) / 1024,
                (System.nanoTime() - started) / 1e9);
    }

    /** Writes {@code rows} customer rows under a title and a header row. */
    public static void write(Path out, int rows, long seed) throws IOException {
        DemoFaker faker = new DemoFaker(seed);
        SplittableRandom random = new SplittableRandom(seed);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet("客户台账");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            sheet.createRow(0).createCell(0).setCellValue("2021-2025年华东区客户台账（销售运营部）");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.length - 1));
            Row header = sheet.createRow(1);
            for (int c = 0; c < HEADERS.length; c++) {
                header.createCell(c).setCellValue(HEADERS[c]);
            }
            for (int i = 0; i < rows; i++) {
                writeRow(sheet.createRow(i + 2), i, faker, random, dateStyle);
            }
            try (OutputStream stream = Files.newOutputStream(out)) {
                workbook.write(stream);
            }
            workbook.dispose();
        }
    }

    private static void writeRow(Row row, int i, DemoFaker faker, SplittableRandom random, CellStyle dateStyle) {
        String[] place = PLACES[random.nextInt(PLACES.length)];
        String name = faker.customerName(place[1], place[2]);
        boolean bad = random.nextInt(50) == 0;
        int badKind = random.nextInt(3);
        String creditCode = faker.creditCode(place[3]);
        if (bad && badKind == 0) {
            creditCode = creditCode.substring(0, 17) + (creditCode.charAt(17) == '1' ? '2' : '1');
        }
        String phone = faker.mobile();
        phone = bad && badKind == 1 ? phone.substring(0, 6) : phone.substring(0, 3) + " " + phone.substring(3, 7) + " "
                + phone.substring(7);
        LocalDate signed = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1800));
        int col = 0;
        row.createCell(col++).setCellValue(i + 1);
        row.createCell(col++).setCellValue(name);
        row.createCell(col++).setCellValue(creditCode);
        row.createCell(col++).setCellValue(faker.tier());
        row.createCell(col++).setCellValue(faker.industry(name).equals("HOSPITAL") ? "医院" : "经销商");
        row.createCell(col++).setCellValue(place[0]);
        row.createCell(col++).setCellValue(place[1]);
        row.createCell(col++).setCellValue(place[2]);
        row.createCell(col++).setCellValue(faker.streetAddress(place[0], place[1], place[2]));
        row.createCell(col++).setCellValue(phone);
        row.createCell(col++).setCellValue(faker.personName());
        row.createCell(col++).setCellValue(faker.mobile());
        row.createCell(col++).setCellValue(OWNERS[random.nextInt(OWNERS.length)]);
        row.createCell(col++).setCellValue(String.format("%.2f", random.nextInt(50_000) / 100.0));
        if (bad && badKind == 2) {
            row.createCell(col++).setCellValue("2025-13-45");
        } else {
            switch (random.nextInt(4)) {
                case 0 -> {
                    row.createCell(col).setCellValue(signed);
                    row.getCell(col++).setCellStyle(dateStyle);
                }
                case 1 -> row.createCell(col++).setCellValue(signed.getYear() + "/" + signed.getMonthValue() + "/"
                        + signed.getDayOfMonth());
                case 2 -> row.createCell(col++).setCellValue(signed.getYear() + "年" + signed.getMonthValue() + "月"
                        + signed.getDayOfMonth() + "日");
                default -> row.createCell(col++).setCellValue(signed.toString().replace("-", ""));
            }
        }
        row.createCell(col).setCellValue(signed.plusDays(random.nextInt(300)));
        row.getCell(col++).setCellStyle(dateStyle);
        row.createCell(col++).setCellValue(random.nextInt(4) == 0 ? faker.nextStep() : "");
        row.createCell(col++).setCellValue(SOURCES[random.nextInt(SOURCES.length)]);
        row.createCell(col++).setCellValue("contact" + i + "@example.cn");
        row.createCell(col).setCellValue("");
    }
}
