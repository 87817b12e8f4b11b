package io.salesdesk.crm;

/**
 * How many visible customers of one region carry one tag (the "technical pain points" map).
 *
 * @param regionCode the customers' GB/T 2260 code (as stored: county, city or province)
 * @param tag        the tag, e.g. 竞品渗透
 * @param customers  number of customers
 */
public record RegionTagCount(String regionCode, String tag, int customers) {
}
