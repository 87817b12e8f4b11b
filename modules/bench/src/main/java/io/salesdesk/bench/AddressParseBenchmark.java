package io.salesdesk.bench;

import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionGuess;
import io.salesdesk.crm.RegionService;
import io.salesdesk.territory.address.AddressParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Address → region parsing as the import and {@code salesdesk region parse} do it: 10,000
 * addresses generated from the region table in mixed forms (full 省市区, short 杭州西湖区, district
 * only, municipalities, county-level cities, ambiguous districts, junk). The score is addresses per
 * second (one operation = one address). Goal: at least 20,000 per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AddressParseBenchmark {

    static final int ADDRESSES = 10_000;
    private static final String[] STREETS = {"文三路", "人民路", "中山北路", "解放大道", "建设路", "科技园路", "滨河东路", "新华街"};
    private static final String[] JUNK = {"请联系客服", "asdf 1234", "见附件", "同上", "待补充地址"};

    private AddressParser parser;
    private String[] addresses;

    @Setup
    public void setUp() {
        List<Region> regions = RegionService.bundled();
        parser = new AddressParser(regions);
        addresses = generate(regions, new Random(20261128L));
    }

    /** Parses the 10,000 addresses; JMH divides by them, so the score is addresses per second. */
    @Benchmark
    @OperationsPerInvocation(ADDRESSES)
    public double parseAll() {
        double sum = 0;
        for (String address : addresses) {
            RegionGuess guess = parser.parse(address);
            sum += guess.confidence();
        }
        return sum;
    }

    static String[] generate(List<Region> regions, Random random) {
        Map<String, Region> byCode = new HashMap<>();
        regions.forEach(r -> byCode.put(r.code(), r));
        List<Region> counties = regions.stream().filter(r -> "county".equals(r.level())).toList();
        String[] out = new String[ADDRESSES];
        for (int i = 0; i < ADDRESSES; i++) {
            Region county = counties.get(random.nextInt(counties.size()));
            Region city = byCode.get(county.parentCode());
            Region province = city == null ? null : byCode.get(city.parentCode());
            String street = STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(999)) + " 号";
            String cityName = city == null || city.name().equals("市辖区") || city.name().equals("县")
                    || city.name().endsWith("行政区划") ? "" : city.name();
            String provinceName = province == null ? "" : province.name();
            out[i] = switch (random.nextInt(10)) {
                case 0, 1, 2 -> provinceName + cityName + county.name() + street;
                case 3, 4 -> strip(cityName) + county.name() + street;
                case 5 -> strip(provinceName) + " " + strip(cityName) + " " + county.name() + street;
                case 6 -> county.name() + street;
                case 7 -> provinceName + cityName + street;
                case 8 -> "中国" + provinceName + cityName + county.name() + "某某大厦 " + (1 + random.nextInt(30)) + " 楼";
                default -> JUNK[random.nextInt(JUNK.length)];
            };
        }
        return out;
    }

    private static String strip(String name) {
        for (String suffix : new String[] {"省", "市", "自治区"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length() + 1) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** Prints the throughput of one quick pass, without JMH (a smoke check). */
    public static void main(String[] args) {
        AddressParseBenchmark bench = new AddressParseBenchmark();
        bench.setUp();
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            bench.parseAll();
            rates.add(ADDRESSES / ((System.nanoTime() - start) / 1e9));
        }
        System.out.printf("addresses per second, 5 rounds: %s%n", rates);
    }
}
