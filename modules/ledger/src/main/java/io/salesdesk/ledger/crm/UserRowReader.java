package io.salesdesk.ledger.crm;

import io.salesdesk.core.MatchText;
import io.salesdesk.core.Role;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.map.ColumnMapping;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one converted roster row into a {@link UserPlan}: the role from the words rosters use and
 * the org unit by name (an unknown unit is a problem: the org tree is built first, on purpose).
 */
final class UserRowReader {

    /** 角色 names no role; argument 1 is the text. */
    static final String UNKNOWN_ROLE = "ledger.import.unknownRole";
    /** 部门 names no org unit; argument 1 is the text. */
    static final String UNKNOWN_ORG_UNIT = "ledger.import.unknownOrgUnit";
    /** 离职日期 before 入职日期; arguments 1 and 2 are the two days. */
    static final String LEFT_BEFORE_JOINED = "ledger.import.leftBeforeJoined";
    /** Several org units have this name; argument 1 is the text. */
    static final String AMBIGUOUS_ORG_UNIT = "ledger.import.ambiguousOrgUnit";

    private final RowCells cells;
    private final Map<String, List<OrgUnit>> unitsByName = new HashMap<>();

    UserRowReader(ColumnMapping mapping, List<OrgUnit> units) {
        this.cells = new RowCells(mapping);
        for (OrgUnit unit : units) {
            unitsByName.computeIfAbsent(key(unit.name()), k -> new ArrayList<>()).add(unit);
        }
    }

    void read(ImportRow row) {
        UserPlan plan = new UserPlan();
        plan.displayName = RowCells.text(row, "displayName");
        plan.username = RowCells.text(row, "username");
        cells.checkLength(row, "displayName", plan.displayName, 100);
        cells.checkLength(row, "username", plan.username, 64);
        String roleText = RowCells.text(row, "role");
        if (roleText != null) {
            plan.role = Roles.of(roleText);
            if (plan.role == null) {
                cells.problem(row, "role", roleText, UNKNOWN_ROLE, roleText);
            }
        }
        String unitText = RowCells.text(row, "orgUnit");
        if (unitText != null) {
            List<OrgUnit> units = unitsByName.getOrDefault(key(unitText), List.of());
            if (units.size() == 1) {
                plan.orgUnitId = units.get(0).id();
            } else {
                cells.problem(row, "orgUnit", unitText, units.isEmpty() ? UNKNOWN_ORG_UNIT : AMBIGUOUS_ORG_UNIT, unitText);
            }
        }
        plan.mobile = RowCells.text(row, "mobile");
        plan.email = RowCells.text(row, "email");
        cells.checkLength(row, "email", plan.email, 200);
        plan.managerText = RowCells.text(row, "manager");
        plan.joinedOn = row.values().get("joinedOn") instanceof LocalDate day ? day : null;
        plan.leftOn = row.values().get("leftOn") instanceof LocalDate day ? day : null;
        if (plan.joinedOn != null && plan.leftOn != null && plan.leftOn.isBefore(plan.joinedOn)) {
            cells.problem(row, "leftOn", plan.leftOn.toString(), LEFT_BEFORE_JOINED, plan.leftOn.toString(),
                    plan.joinedOn.toString());
        }
        row.plan(plan);
    }

    /** Adds a problem on the 上级 cell. */
    void managerProblem(ImportRow row, String key) {
        UserPlan plan = (UserPlan) row.plan();
        cells.problem(row, "manager", plan.managerText, key, plan.managerText);
    }

    static String key(String text) {
        return MatchText.key(text);
    }

    /** The role a new member gets when the roster does not say. */
    static Role defaultRole() {
        return Role.REP;
    }
}
