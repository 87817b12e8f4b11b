package io.salesdesk.crm;

import io.salesdesk.db.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GB/T 2260 regions: loaded into the database on first start from the bundled
 * {@code adcode.csv} (Vonng/adcode, CC BY 4.0) and kept in memory, since every list row names one.
 */
public final class RegionService {

    static final String RESOURCE = "/io/salesdesk/crm/regions/adcode.csv";

    private final Map<String, Region> byCode = new HashMap<>();
    private final Map<String, List<Region>> children = new HashMap<>();
    private final Map<String, String> fullNames = new HashMap<>();
    private final AddressLocator addresses;
    private final boolean customLocator;

    /** Regions with the CRM's own address matching ({@link AddressRegions}, no real confidence). */
    public RegionService(Database db) {
        this(db, null);
    }

    /**
     * Regions whose addresses are placed by the locator {@code locators} builds over the region
     * table (the territory module's parser); null for the CRM's own matching.
     */
    public RegionService(Database db, AddressLocator.Factory locators) {
        List<Region> regions = db.transactionResult(cfg -> {
            RegionRepository repository = RegionRepository.using(cfg);
            if (repository.count() == 0) {
                repository.insertAll(readBundled());
            }
            return repository.all();
        });
        for (Region r : regions) {
            byCode.put(r.code(), r);
            if (r.parentCode() != null) {
                children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
            }
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(Region::code)));
        customLocator = locators != null;
        addresses = locators != null ? locators.create(List.copyOf(regions)) : defaultLocator();
    }

    // The first matcher knows no confidence: what it finds counts as just confident enough.
    private AddressLocator defaultLocator() {
        AddressRegions matcher = new AddressRegions(provinces(), this::children, byCode.values());
        return address -> matcher.resolve(address)
                .map(r -> new RegionGuess(r.code(), fullName(r.code()), r.level(), AddressLocator.CONFIDENT,
                        "matched " + r.name()))
                .orElseGet(() -> RegionGuess.none("no region name found"));
    }

    /**
     * The most specific region a postal address names (county, else city, else province), if the
     * guess is {@linkplain RegionGuess#confident() confident}.
     */
    public Optional<Region> resolveAddress(String address) {
        RegionGuess guess = locate(address);
        return guess.confident() ? Optional.ofNullable(byCode.get(guess.code())) : Optional.empty();
    }

    /** The locator's guess for an address, confident or not (blank text: no region, confidence 0). */
    public RegionGuess locate(String address) {
        if (address == null || address.isBlank()) {
            return RegionGuess.none("blank address");
        }
        return addresses.locate(address);
    }

    /** Whether an address locator was passed in (otherwise the CRM's first matcher is used). */
    public boolean hasAddressLocator() {
        return customLocator;
    }

    /** Whether {@code code} is {@code area} or lies inside it (a county inside its city or province). */
    public boolean within(String code, String area) {
        for (Region r = byCode.get(code); r != null; r = r.parentCode() == null ? null : byCode.get(r.parentCode())) {
            if (r.code().equals(area)) {
                return true;
            }
            if (r.code().equals(r.parentCode())) {
                break;
            }
        }
        return false;
    }

    /** Provinces, autonomous regions and municipalities, by code. */
    public List<Region> provinces() {
        return children.getOrDefault("100000", List.of());
    }

    /** The direct children of a region (cities of a province, counties of a city), by code. */
    public List<Region> children(String parentCode) {
        return children.getOrDefault(parentCode, List.of());
    }

    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The region's name with its parents, e.g. {@code 江苏省 苏州市 姑苏区}; the "市辖区" level of the
     * municipalities is left out. An unknown code is returned as it is.
     */
    public String fullName(String code) {
        return fullNames.computeIfAbsent(code, this::computeFullName);
    }

    private String computeFullName(String code) {
        Region region = byCode.get(code);
        if (region == null) {
            return code;
        }
        List<String> parts = new ArrayList<>();
        for (Region r = region; r != null && !"country".equals(r.level()); r = byCode.get(r.parentCode())) {
            if (!"市辖区".equals(r.name()) && !"县".equals(r.name())) {
                parts.add(0, r.name());
            }
            if (r.parentCode() == null || r.parentCode().equals(r.code())) {
                break;
            }
        }
        return String.join(" ", parts);
    }

    /**
     * The bundled GB/T 2260 table, read without a database (the command line's address parser).
     */
    public static List<Region> bundled() {
        return readBundled();
    }

    /** Reads the bundled CSV: rank 1–3 rows (province, city, county) with 6-digit codes. */
    static List<Region> readBundled() {
        try (InputStream in = RegionService.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Bundled region data " + RESOURCE + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            Map<String, Integer> column = new HashMap<>();
            String[] names = header.split(",", -1);
            for (int i = 0; i < names.length; i++) {
                column.put(names[i], i);
            }
            List<Region> regions = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                String code = f[column.get("code")].substring(0, 6);
                String parent = f[column.get("parent")].substring(0, 6);
                regions.add(new Region(code, code.equals(parent) ? null : parent, f[column.get("name")],
                        f[column.get("level")], emptyToNull(f[column.get("area_code")]),
                        decimal(f[column.get("longitude")]), decimal(f[column.get("latitude")])));
            }
            return regions;
        } catch (IOException e) {
            throw new UncheckedIOException("Bundled region data could not be read", e);
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static BigDecimal decimal(String s) {
        return s.isEmpty() ? null : new BigDecimal(s).setScale(6, java.math.RoundingMode.HALF_UP);
    }
}
