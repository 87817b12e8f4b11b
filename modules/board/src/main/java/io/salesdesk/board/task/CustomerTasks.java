package io.salesdesk.board.task;

import io.salesdesk.crm.Customer;
import java.util.List;

/**
 * What 加入看板 did for a set of customers: the tasks it created, the customers that already had an
 * open task of that title (left alone, so selecting an area twice does not double the work), and the
 * public-pool customers it could not give to "their rep" because they have none.
 */
public record CustomerTasks(List<Task> created, List<Customer> alreadyOpen, List<Customer> withoutOwner) {

    public CustomerTasks {
        created = List.copyOf(created);
        alreadyOpen = List.copyOf(alreadyOpen);
        withoutOwner = List.copyOf(withoutOwner);
    }
}
