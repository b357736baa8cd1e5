package io.junction.tck.bench.budget;

import java.util.Objects;

/**
 * How a run did against one budget.
 *
 * @param value the measured value, null when not measured
 * @param message one line for people: the value, the limit, and by how much it was missed
 */
public record BudgetVerdict(Budget budget, Status status, Double value, String message)
{
    public enum Status
    {
        PASS,
        /** An enforced budget broken: the run fails. */
        FAIL,
        /** A reference budget broken: reported, not failing. */
        WARN,
        NOT_MEASURED
    }

    public BudgetVerdict
    {
        Objects.requireNonNull(budget, "budget is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(message, "message is null");
    }
}
