package io.salesdesk.app.leads;

/** One view of the leads page (list, board, pool, load): it reads its data again when shown. */
interface LeadsTab {

    /** Reads what the view shows again, off the FX thread. */
    void refresh();
}
