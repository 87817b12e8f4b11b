package io.salesdesk.bench;

import io.salesdesk.dispatch.LeadToDispatch;
import io.salesdesk.dispatch.RepCandidate;
import io.salesdesk.dispatch.TrackRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A synthetic but realistic sales team and lead intake for the dispatch benchmarks, the same for a
 * given seed: real East China cities and counties from the bundled GB/T 2260 table, leads drawn
 * more from provincial capitals and large cities, reps covering one to three cities (big cities by
 * several reps), mixed capacities, loads, leave and track records per industry.
 *
 * @param roster the reps
 * @param leads  the leads to dispatch, in arrival order
 */
public record DispatchScenario(List<RepCandidate> roster, List<LeadToDispatch> leads) {

    /** Shanghai, Jiangsu, Zhejiang, Anhui, Fujian, Jiangxi, Shandong. */
    public static final Set<String> EAST_CHINA = Set.of("31", "32", "33", "34", "35", "36", "37");
    /** Shanghai, Jiangsu and Zhejiang: one regional team's area. */
    public static final Set<String> YANGTZE_DELTA = Set.of("31", "32", "33");

    private static final String REGIONS = "/io/salesdesk/crm/regions/adcode.csv";
    private static final String[] INDUSTRIES = {"HOSPITAL", "PRIMARY_CARE", "CLINIC", "LAB", "PHARMACY", "DISTRIBUTOR"};
    /** How often a lead is of each industry, in the order above. */
    private static final double[] INDUSTRY_SHARE = {0.30, 0.20, 0.20, 0.10, 0.12, 0.08};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞", "平"};
    private static final int[] CAPACITIES = {60, 80, 100, 120, 150};
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    /**
     * @param provinces  two-digit province prefixes whose cities the team covers and leads come from
     * @param maxLoad    the highest load index a rep starts with (0 to 1); loads are spread evenly below it
     */
    public static DispatchScenario generate(long seed, Set<String> provinces, int reps, int leads, double maxLoad) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, List<String>> counties = counties(provinces);
        List<String> cities = new ArrayList<>(counties.keySet());
        double[] demand = new double[cities.size()];
        for (int i = 0; i < cities.size(); i++) {
            String city = cities.get(i);
            boolean big = city.endsWith("0100") || city.equals("320500") || city.equals("330200")
                    || city.equals("350200") || city.equals("370200");
            demand[i] = counties.get(city).size() * (big ? 4.0 : 1.0) * (0.5 + random.nextDouble());
        }
        List<RepCandidate> roster = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            roster.add(rep(random, i, cities, demand, maxLoad));
        }
        List<LeadToDispatch> intake = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            String region = null;
            if (random.nextDouble() >= 0.02) {
                List<String> inCity = counties.get(cities.get(pick(random, demand)));
                region = inCity.get(random.nextInt(inCity.size()));
            }
            String industry = random.nextDouble() < 0.05 ? null : INDUSTRIES[pick(random, INDUSTRY_SHARE)];
            intake.add(new LeadToDispatch(new UUID(seed, i), region, industry));
        }
        return new DispatchScenario(List.copyOf(roster), List.copyOf(intake));
    }

    private static RepCandidate rep(SplittableRandom random, int n, List<String> cities, double[] demand,
                                    double maxLoad) {
        Set<String> territories = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        while (territories.size() < count) {
            territories.add(cities.get(pick(random, demand)));
        }
        int capacity = CAPACITIES[random.nextInt(CAPACITIES.length)];
        int overdue = random.nextInt(7);
        int tasks = random.nextInt(21);
        double load = maxLoad * random.nextDouble();
        int openLeads = Math.max(0, (int) Math.round(load * capacity - overdue * 0.5 - tasks * 0.25));
        boolean away = random.nextDouble() < 0.05;
        Instant last = random.nextDouble() < 0.05 ? null : NOW.minus(random.nextInt(14 * 24 * 60), ChronoUnit.MINUTES);
        Map<String, TrackRecord> byIndustry = new HashMap<>();
        int won = 0;
        int lost = 0;
        double cycles = 0;
        int kinds = 2 + random.nextInt(3);
        for (int k = 0; k < kinds; k++) {
            TrackRecord r = new TrackRecord(random.nextInt(21), random.nextInt(21), 10 + random.nextInt(81));
            byIndustry.put(INDUSTRIES[random.nextInt(INDUSTRIES.length)], r);
            won += r.won();
            lost += r.lost();
            cycles += r.medianCycleDays() * r.won();
        }
        TrackRecord overall = new TrackRecord(won, lost, won == 0 ? Double.NaN : cycles / won);
        String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length) % GIVEN.length]
                + (n >= SURNAMES.length * GIVEN.length ? String.valueOf(n) : "");
        return new RepCandidate(new UUID(0, n + 1), name, List.copyOf(territories), capacity, openLeads, overdue, tasks,
                away, last, Map.copyOf(byIndustry), overall);
    }

    /** An index drawn with the given weights. */
    private static int pick(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** The real counties of each city in the provinces, by city code, from the bundled region table. */
    private static Map<String, List<String>> counties(Set<String> provinces) {
        Map<String, List<String>> byCity = new LinkedHashMap<>();
        try (InputStream in = DispatchScenario.class.getResourceAsStream(REGIONS)) {
            if (in == null) {
                throw new IllegalStateException(REGIONS + " is not on the class path (it comes with salesdesk-crm)");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                // code,parent,name,level,rank,adcode,post_code,area_code,ur_code,municipality,virtual,...
                String[] f = line.split(",", -1);
                String code = f[5];
                if (f[3].equals("county") && f[10].equals("f") && provinces.contains(code.substring(0, 2))) {
                    byCity.computeIfAbsent(code.substring(0, 4) + "00", k -> new ArrayList<>()).add(code);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byCity;
    }
}
