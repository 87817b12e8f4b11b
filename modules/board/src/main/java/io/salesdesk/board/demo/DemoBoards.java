package io.salesdesk.board.demo;

import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.escalation.EscalationSubject;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.FollowUpDue;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's task boards and escalations, made after the demo organisation and its customers: each
 * rep has a handful of tasks about their own customers (some overdue, some in progress, a few done
 * with checklists), and customers whose promised follow-up is three or more days late are already
 * on the supervisor's board, as the follow-up rules will put them there.
 */
public final class DemoBoards {

    /** The kind of escalation the follow-up SLA raises. */
    public static final String FOLLOW_UP_OVERDUE = "FOLLOW_UP_OVERDUE";

    private static final Logger LOG = LoggerFactory.getLogger(DemoBoards.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String[] TASKS = {
        "回访%s，确认采购计划", "准备%s的报价单", "给%s安排产品演示", "跟进%s的发票寄送", "提交%s的合同审批材料",
        "约%s设备科主任面谈", "整理%s的招标参数", "催%s回款",
    };
    private static final String[] MANAGER_TASKS = {
        "审核本周超过 50 万的报价", "与新人一对一辅导：拜访话术", "整理本月赢单与输单原因，周会分享",
    };
    private static final String[][] CHECKLISTS = {
        {"核对型号与数量", "确认折扣审批", "发送报价单"},
        {"预约演示时间", "准备样机", "演示后收集反馈"},
        {"收集资质文件", "填写合同审批单", "法务复核"},
    };

    private final Database db;
    private final Clock clock;

    public DemoBoards(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates the tasks and escalations; returns how many of each. */
    public Summary create(long seed) {
        SplittableRandom random = new SplittableRandom(seed * 17 + 3);
        CustomerService customers = new CustomerService(db, clock, new RegionService(db));
        TaskService tasks = new TaskService(db, clock);
        EscalationService escalations = new EscalationService(db, clock);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = now.atZoneSameInstant(CHINA).toLocalDate();
        int taskCount = 0;
        int escalationCount = 0;
        List<User> users = new UserService(db, clock).all();
        for (User manager : users.stream().filter(u -> u.role() == Role.MANAGER).toList()) {
            for (int i = 0; i < MANAGER_TASKS.length; i++) {
                tasks.create(manager.asActor(), new TaskDraft(MANAGER_TASKS[i], null, manager.id(),
                        i == 0 ? TaskPriority.HIGH : TaskPriority.NORMAL,
                        today.plusDays(i).atTime(17, 0).atZone(CHINA).toOffsetDateTime(), null, null),
                        TaskStatus.TODO);
                taskCount++;
            }
        }
        List<User> reps = users.stream().filter(u -> u.role() == Role.REP).toList();
        for (User rep : reps) {
            Actor actor = rep.asActor();
            List<Customer> own = customers.page(actor, CustomerQuery.all(), 0, 12);
            int count = Math.min(own.size(), 3 + random.nextInt(4));
            for (int i = 0; i < count; i++) {
                Customer customer = own.get(random.nextInt(own.size()));
                String title = String.format(TASKS[random.nextInt(TASKS.length)], customer.name());
                // Due in working hours (09:00 to 18:30, Shanghai), from two days ago to a week ahead.
                int slot = random.nextInt(9 * 20);
                OffsetDateTime due = today.plusDays(slot / 20 - 2L).atTime(9, 0).plusMinutes(30L * (slot % 20))
                        .atZone(CHINA).toOffsetDateTime();
                TaskPriority priority = TaskPriority.values()[random.nextInt(10) < 6 ? 1 : random.nextInt(4)];
                int pick = random.nextInt(10);
                TaskStatus status = pick < 6 ? TaskStatus.TODO : pick < 9 ? TaskStatus.DOING : TaskStatus.DONE;
                Task task = tasks.create(actor, new TaskDraft(title.length() > 200 ? title.substring(0, 200) : title,
                        null, rep.id(), priority, due, customer.id(), null), TaskStatus.TODO);
                if (random.nextInt(3) == 0) {
                    String[] checklist = CHECKLISTS[random.nextInt(CHECKLISTS.length)];
                    for (String item : checklist) {
                        tasks.addChecklistItem(actor, task.id(), item);
                    }
                }
                if (status != TaskStatus.TODO) {
                    tasks.move(actor, task.id(), task.version(), status, null);
                }
                taskCount++;
            }
            int raised = 0;
            for (FollowUpDue due : customers.dueFollowUps(actor, today)) {
                long late = due.daysOverdue(today);
                if (late >= 3 && raised < 2) {
                    escalations.raise(FOLLOW_UP_OVERDUE, new EscalationSubject("customer", due.customerId(),
                                    due.customerName()), rep.id(),
                            String.format("客户已逾期 %d 天未跟进（约定 %d月%d日回访）", late, due.dueOn().getMonthValue(),
                                    due.dueOn().getDayOfMonth()), now.plusHours(24));
                    raised++;
                    escalationCount++;
                }
            }
        }
        LOG.info("Demo boards: {} tasks, {} escalations", taskCount, escalationCount);
        return new Summary(taskCount, escalationCount);
    }

    /** What {@link #create} made. */
    public record Summary(int tasks, int escalations) {
    }
}
