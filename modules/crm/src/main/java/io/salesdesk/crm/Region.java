package io.salesdesk.crm;

import java.math.BigDecimal;

/**
 * A GB/T 2260 administrative division.
 *
 * @param code       6-digit code
 * @param parentCode parent's code
 * @param name       name, e.g. 姑苏区
 * @param level      province, city or county
 * @param areaCode   telephone area code
 * @param longitude  centroid longitude (GCJ-02), may be null
 * @param latitude   centroid latitude (GCJ-02), may be null
 */
public record Region(String code, String parentCode, String name, String level, String areaCode,
                     BigDecimal longitude, BigDecimal latitude) {
}
