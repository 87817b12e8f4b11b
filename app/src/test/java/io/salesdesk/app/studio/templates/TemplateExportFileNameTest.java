package io.salesdesk.app.studio.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.junit.jupiter.api.Test;

/** An exported template gets the .sdtemplate name a double-click opens, whatever the save dialog returned. */
class TemplateExportFileNameTest {

    @Test
    void aNameWithoutTheExtensionGetsItAndATemplateNameIsKept() {
        File dir = new File("/home/li/模板");
        assertThat(TemplateExportDialog.withExtension(new File(dir, "门店方案")))
                .isEqualTo(new File(dir, "门店方案.sdtemplate"));
        assertThat(TemplateExportDialog.withExtension(new File(dir, "v1.2 门店")))
                .isEqualTo(new File(dir, "v1.2 门店.sdtemplate"));
        assertThat(TemplateExportDialog.withExtension(new File(dir, "my-setup.sdtemplate")))
                .isEqualTo(new File(dir, "my-setup.sdtemplate"));
        assertThat(TemplateExportDialog.withExtension(new File(dir, "OLD.JSON"))).isEqualTo(new File(dir, "OLD.JSON"));
    }
}
