package io.salesdesk.app.myday;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Executor;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.FollowUpDue;

/** My Day (我的今天): the follow-ups due today and overdue for the current user, most overdue first. */
public final class MyDayViewModel {

    /** Part of the day, for the greeting. */
    public enum DayPart {
        MORNING, AFTERNOON, EVENING
    }

    private final CustomerService customers;
    private final Actor actor;
    private final Clock clock;
    private final Executor executor;
    private final ObservableList<FollowUpDue> due = FXCollections.observableArrayList();
    private final IntegerProperty dueToday = new SimpleIntegerProperty(this, "dueToday");
    private final IntegerProperty overdue = new SimpleIntegerProperty(this, "overdue");

    public MyDayViewModel(CustomerService customers, Actor actor, Clock clock, Executor executor) {
        this.customers = customers;
        this.actor = actor;
        this.clock = clock;
        this.executor = executor;
    }

    public void reload() {
        LocalDate today = today();
        BackgroundTask.wrap(() -> customers.dueFollowUps(actor, today))
                .onSuccess(rows -> apply(rows, today))
                .executeWith(executor);
    }

    private void apply(List<FollowUpDue> rows, LocalDate today) {
        List<FollowUpDue> sorted = rows.stream()
                .sorted((a, b) -> a.dueOn().compareTo(b.dueOn()))
                .toList();
        due.setAll(sorted);
        int late = (int) sorted.stream().filter(f -> f.daysOverdue(today) > 0).count();
        overdue.set(late);
        dueToday.set(sorted.size() - late);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public DayPart dayPart() {
        LocalTime now = LocalTime.now(clock);
        if (now.isBefore(LocalTime.NOON)) {
            return DayPart.MORNING;
        }
        return now.isBefore(LocalTime.of(18, 0)) ? DayPart.AFTERNOON : DayPart.EVENING;
    }

    public ObservableList<FollowUpDue> due() {
        return due;
    }

    public ReadOnlyIntegerProperty dueTodayProperty() {
        return dueToday;
    }

    public ReadOnlyIntegerProperty overdueProperty() {
        return overdue;
    }
}
