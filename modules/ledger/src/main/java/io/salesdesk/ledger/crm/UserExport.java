package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.UserAccount;
import io.salesdesk.crm.UserDraft;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.imports.ExportTarget;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.LedgerImportException;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.UserLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;

/**
 * Exports the team roster for an administrator: 姓名, 登录名, 角色, 上级 (by login, which is never
 * ambiguous), 部门, 手机, 邮箱. The login is the key: editing the file and importing it back with
 * "update" changes the same accounts. The customer filters do not apply to it.
 */
public final class UserExport implements ExportTarget {

    /** Someone other than an administrator tried; argument 1 is the entity's label. */
    public static final String ADMIN_ONLY = "ledger.export.adminOnly";
    static final List<String> HEADERS = List.of("姓名", "登录名", "角色", "上级", "部门", "手机", "邮箱", "入职日期", "离职日期");
    private static final int ROLE_COLUMN = 2;

    private final Database db;
    private final Clock clock;

    /** An exporter over the users of {@code db}. */
    public UserExport(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public LedgerEntity entity() {
        return UserLedger.ENTITY;
    }

    @Override
    public void checkAllowed(Actor viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new LedgerImportException(ADMIN_ONLY, UserLedger.ENTITY.labelZh());
        }
    }

    @Override
    public int export(Actor viewer, CustomerQuery query, Path out, ImportMonitor monitor) {
        checkAllowed(viewer);
        try (LedgerSheet sheet = new LedgerSheet("团队成员", HEADERS, List.of(), new int[] {12, 16, 10, 16, 20, 16, 26, 12, 12})) {
            sheet.dropDown(ROLE_COLUMN, Roles.labels());
            List<UserAccount> accounts = db.transactionResult(cfg -> UserRepository.using(cfg, clock).liveAccounts());
            Map<UUID, String> units = new HashMap<>();
            db.transactionResult(cfg -> OrgUnitRepository.using(cfg, clock).all())
                    .forEach(u -> units.put(u.id(), u.name()));
            Map<UUID, String> logins = new HashMap<>();
            accounts.forEach(a -> logins.put(a.id(), a.draft().username()));
            for (UserAccount account : accounts) {
                write(sheet, sheet.newRow(), account.draft(), logins, units);
            }
            monitor.progress(ImportPhase.COMMIT, accounts.size(), accounts.size());
            sheet.writeTo(out);
            return accounts.size();
        }
    }

    private static void write(LedgerSheet sheet, Row row, UserDraft u, Map<UUID, String> logins, Map<UUID, String> units) {
        int col = 0;
        sheet.text(row, col++, u.displayName());
        sheet.text(row, col++, u.username());
        sheet.text(row, col++, Roles.label(u.role()));
        sheet.text(row, col++, u.managerId() == null ? null : logins.get(u.managerId()));
        sheet.text(row, col++, units.get(u.orgUnitId()));
        sheet.text(row, col++, u.mobile());
        sheet.text(row, col++, u.email());
        sheet.date(row, col++, u.joinedOn());
        sheet.date(row, col, u.leftOn());
    }
}
