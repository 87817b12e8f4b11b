package io.salesdesk.territory.layer;

import io.salesdesk.crm.Customer;
import io.salesdesk.territory.cluster.PinIndex;
import java.util.List;
import java.util.UUID;

/**
 * The customers one viewer sees on the map, pin {@code i} being {@code customers().get(i)} at
 * {@code (lon[i], lat[i])} (NaN when it has no location yet).
 */
public final class CustomerPins {

    /**
     * An owner in the legend, colour key by place in the list; the first, with a null id, is the
     * public pool (公海).
     */
    public record Owner(UUID id, String name) {
    }

    private final List<Customer> customers;
    private final double[] lon;
    private final double[] lat;
    private final int[] tierKey;
    private final int[] ownerKey;
    private final List<Owner> owners;

    CustomerPins(List<Customer> customers, double[] lon, double[] lat, int[] tierKey, int[] ownerKey,
                 List<Owner> owners) {
        this.customers = List.copyOf(customers);
        this.lon = lon;
        this.lat = lat;
        this.tierKey = tierKey;
        this.ownerKey = ownerKey;
        this.owners = List.copyOf(owners);
    }

    public List<Customer> customers() {
        return customers;
    }

    public int size() {
        return customers.size();
    }

    public Customer customer(int pin) {
        return customers.get(pin);
    }

    /** Owners in colour-key order, the public pool first. */
    public List<Owner> owners() {
        return owners;
    }

    /** An index of the pins coloured as asked. */
    public PinIndex index(ColourBy colourBy) {
        return PinIndex.build(lon, lat, colourBy == ColourBy.TIER ? tierKey : ownerKey);
    }
}
