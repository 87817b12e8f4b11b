package io.salesdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import picocli.CommandLine;

/** {@code salesdesk approval simulate} and {@code flows} on the demo workspace's contract flow. */
class ApprovalCommandTest {

    @TempDir
    static Path dir;
    static String data;
    static String legal;
    static String finance;
    static String gm;
    static String repsManager;

    StringWriter out;
    StringWriter err;

    @BeforeAll
    static void createDemo() {
        data = dir.resolve("data").toString();
        assertThat(new ApprovalCommandTest().run("--data-dir", data, "demo", "--customers", "20")).isZero();
        try (Database db = Database.open(DatabaseConfig.embedded(dir.resolve("data")))) {
            UserService users = new UserService(db, Clock.systemUTC());
            legal = users.byUsername("legal").orElseThrow().displayName();
            finance = users.byUsername("finance").orElseThrow().displayName();
            gm = users.byUsername("gm").orElseThrow().displayName();
            User rep = users.byUsername("rep.sh1").orElseThrow();
            repsManager = users.all().stream().filter(u -> u.id().equals(rep.managerId())).findFirst().orElseThrow()
                    .displayName();
        }
    }

    @Test
    void aContractOver500000GoesToLegalFinanceAndTheGeneralManagerInParallel() {
        int exit = run("--data-dir", data, "approval", "simulate", "--entity", "contract", "--set", "amount=600000",
                "--as", "rep.sh1");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("并行（3 个分支同时审批，全部通过后继续）")
                .contains("法务审核［或签］：" + legal).contains("财务风控［或签］：" + finance)
                .contains("总经理审批［或签］：" + gm).doesNotContain("区域经理审批");
    }

    @Test
    void aSmallerContractGoesToTheSubmittersManager() {
        int exit = run("--data-dir", data, "approval", "simulate", "--entity", "contract", "--set", "amount=300000",
                "--as", "rep.sh1");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("区域经理审批［或签］：" + repsManager).doesNotContain("并行");
    }

    @Test
    void aStepWithNobodyToSignIsExplainedAndExitsNonZero() {
        int exit = run("--data-dir", data, "approval", "simulate", "--entity", "contract", "--set", "amount=300000",
                "--as", "gm");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("无法生成审批路径").contains("步骤“区域经理审批”找不到审批人");
    }

    @Test
    void anEntityWithoutFlowIsRefused() {
        assertThat(run("--data-dir", data, "approval", "simulate", "--entity", "quote")).isEqualTo(1);
        assertThat(err.toString()).contains("没有启用的审批流程");
    }

    @Test
    void flowsListsTheContractFlowWithItsVersion() {
        assertThat(run("--data-dir", data, "approval", "flows")).isZero();
        assertThat(out.toString()).contains("合同提交 (contract/submit)：合同审批：50 万以上法务、财务、总经理会签，第 1 版，启用");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = SalesDeskCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
