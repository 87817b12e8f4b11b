package io.salesdesk.app.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadStatus;

/** The lead list's search and status filter, on a real workspace, without a window. */
class LeadListViewModelTest {

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static Actor gm;
    static Lead clinic;
    static Lead pharmacy;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        AppContext context = workspace.context();
        gm = context.users().byUsername("gm").orElseThrow().asActor();
        clinic = capture(context, "静安仁和口腔门诊部", "13816620011");
        Lead drugstore = capture(context, "徐汇一心大药房", "13524455667");
        pharmacy = context.leads().move(gm, drugstore.id(), drugstore.version(), LeadStatus.DISQUALIFIED,
                "重复线索", null);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    private static Lead capture(AppContext context, String name, String phone) {
        return context.dispatch().capture(gm, new LeadDraft(name, null, phone, "上海市静安区南京西路 1 号", null, null,
                null, "官网", null), ChangeReason.user()).lead();
    }

    private static LeadListViewModel model() {
        return new LeadListViewModel(workspace.context().leads(), () -> gm, UiTestWorkspace.SAME_THREAD);
    }

    @Test
    void searchingByPhoneFindsTheLeadWithThatNumber() {
        LeadListViewModel model = model();
        model.searchTextProperty().set(" 13816620011 ");

        model.reload();

        assertThat(model.items()).extracting(Lead::id).containsExactly(clinic.id());
        assertThat(model.countProperty().get()).isEqualTo(1);
    }

    @Test
    void theStatusFilterShowsOnlyLeadsInThatStatus() {
        LeadListViewModel model = model();
        model.statusProperty().set(LeadStatus.DISQUALIFIED);

        model.reload();

        assertThat(model.items()).extracting(Lead::id).containsExactly(pharmacy.id());
        assertThat(model.items()).allSatisfy(l -> assertThat(l.status()).isEqualTo(LeadStatus.DISQUALIFIED));
    }

    @Test
    void clearingTheFiltersShowsEveryLead() {
        LeadListViewModel model = model();
        model.statusProperty().set(LeadStatus.DISQUALIFIED);
        model.searchTextProperty().set("口腔");

        model.clearFilters();
        model.reload();

        assertThat(model.items()).extracting(Lead::id).containsExactlyInAnyOrder(pharmacy.id(), clinic.id());
        assertThat(model.countProperty().get()).isEqualTo(2);
    }
}
