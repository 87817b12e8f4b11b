package io.salesdesk.crm;

import java.math.BigDecimal;

/** How many deals a stage holds and their summed amount, counted in SQL for a board column. */
public record StageTotal(int count, BigDecimal amount) {
}
