package io.salesdesk.app.commerce;

/** A view behind the commerce page's switch: it reads its data afresh each time it is shown. */
interface CommerceTab {

    void refresh();
}
