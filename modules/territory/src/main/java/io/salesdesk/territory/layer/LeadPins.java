package io.salesdesk.territory.layer;

import io.salesdesk.crm.lead.Lead;
import io.salesdesk.territory.cluster.PinIndex;
import java.util.List;

/**
 * The open leads one viewer sees on the map; pin {@code i} is {@code leads().get(i)}, coloured by
 * its status's ordinal.
 */
public final class LeadPins {

    private final List<Lead> leads;
    private final PinIndex index;

    LeadPins(List<Lead> leads, double[] lon, double[] lat) {
        this.leads = List.copyOf(leads);
        int[] status = new int[leads.size()];
        for (int i = 0; i < status.length; i++) {
            status[i] = leads.get(i).status().ordinal();
        }
        this.index = PinIndex.build(lon, lat, status);
    }

    public List<Lead> leads() {
        return leads;
    }

    public Lead lead(int pin) {
        return leads.get(pin);
    }

    public PinIndex index() {
        return index;
    }
}
