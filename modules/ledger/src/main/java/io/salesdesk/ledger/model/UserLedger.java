package io.salesdesk.ledger.model;

import java.util.List;

/**
 * The built-in description of a team roster (花名册): who, their login, role, manager, org unit,
 * how to reach them, and when they joined and left. A company brings its whole team into SalesDesk from it.
 */
public final class UserLedger {

    /** The team member entity. */
    public static final LedgerEntity ENTITY = new LedgerEntity("users", "团队成员", "Team members", List.of(
            LedgerField.of("displayName", "姓名", "Name", FieldType.TEXT, true,
                    "名字", "员工姓名", "成员姓名", "人员", "Full name", "Display name"),
            LedgerField.of("username", "登录名", "Login", FieldType.TEXT, true,
                    "账号", "帐号", "登录账号", "用户名", "工号", "Username", "Account", "User ID"),
            LedgerField.of("role", "角色", "Role", FieldType.TEXT, false, "岗位", "职务", "职位", "Position"),
            LedgerField.of("manager", "上级", "Manager", FieldType.TEXT, false,
                    "直属上级", "上级领导", "汇报对象", "直属经理", "经理", "主管", "Reports to"),
            LedgerField.of("orgUnit", "部门", "Org unit", FieldType.TEXT, false,
                    "组织", "所属部门", "团队", "小组", "Department", "Team"),
            LedgerField.of("mobile", "手机", "Mobile", FieldType.PHONE, false,
                    "手机号", "手机号码", "电话", "联系电话", "Phone"),
            LedgerField.of("email", "邮箱", "E-mail", FieldType.EMAIL, false, "电子邮箱", "邮件", "Email"),
            // Joining and leaving days make key-role attrition work on a real team, history included.
            LedgerField.of("joinedOn", "入职日期", "Joined on", FieldType.DATE, false,
                    "入职时间", "入职", "到岗日期", "Hire date", "Start date", "Joined"),
            LedgerField.of("leftOn", "离职日期", "Left on", FieldType.DATE, false,
                    "离职时间", "离职", "Leave date", "End date", "Termination date", "Left")),
            List.of("username"));

    private UserLedger() {
    }
}
