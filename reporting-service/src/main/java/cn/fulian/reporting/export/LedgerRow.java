package cn.fulian.reporting.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One assignment of the allocation ledger (分解台账): who got which target and whether they acknowledged it. */
public record LedgerRow(
        String assignmentId,
        String unitPath,
        String unitName,
        String taskId,
        String workArea,
        String taskTitle,
        String indicatorUnit,
        BigDecimal target,
        LocalDate dueDate,
        String status,
        Instant acknowledgedAt,
        long reminders) {}
