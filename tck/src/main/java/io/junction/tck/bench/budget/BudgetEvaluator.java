package io.junction.tck.bench.budget;

import io.junction.tck.bench.scenario.ScenarioResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Holds the results of a run against its budgets. Budgets of scenarios that were not asked for are left out. */
public final class BudgetEvaluator
{
    private BudgetEvaluator() {}

    public static List<BudgetVerdict> evaluate(List<Budget> budgets, List<ScenarioResult> results)
    {
        Map<String, ScenarioResult> byName = results.stream().collect(Collectors.toMap(ScenarioResult::name, Function.identity(), (a, b) -> a));
        List<BudgetVerdict> verdicts = new ArrayList<>();
        for (Budget budget : budgets) {
            ScenarioResult result = byName.get(budget.scenario());
            if (result == null) {
                continue;
            }
            verdicts.add(verdict(budget, result));
        }
        return verdicts;
    }

    public static boolean anyFailed(List<BudgetVerdict> verdicts)
    {
        return verdicts.stream().anyMatch(verdict -> verdict.status() == BudgetVerdict.Status.FAIL);
    }

    static BudgetVerdict verdict(Budget budget, ScenarioResult result)
    {
        if (result.status() != ScenarioResult.Status.COMPLETED) {
            return new BudgetVerdict(budget, BudgetVerdict.Status.NOT_MEASURED, null,
                    budget.key() + ": not measured (scenario " + result.status().name().toLowerCase(Locale.ROOT) + ": " + result.reason() + ")");
        }
        Double value = result.metrics().get(budget.metric());
        if (value == null) {
            return new BudgetVerdict(budget, BudgetVerdict.Status.NOT_MEASURED, null, budget.key() + ": not measured in this run");
        }
        String broken = null;
        if (budget.max() != null && value > budget.max()) {
            broken = number(value) + " > max " + number(budget.max()) + " (over by " + number(value - budget.max()) + percentOf(value - budget.max(), budget.max()) + ")";
        }
        else if (budget.min() != null && value < budget.min()) {
            broken = number(value) + " < min " + number(budget.min()) + " (short by " + number(budget.min() - value) + percentOf(budget.min() - value, budget.min()) + ")";
        }
        String source = budget.enforced() ? "" : " [" + budget.source() + " reference]";
        if (broken == null) {
            String limit = budget.max() != null ? "<= " + number(budget.max()) : ">= " + number(budget.min());
            return new BudgetVerdict(budget, BudgetVerdict.Status.PASS, value, budget.key() + " = " + number(value) + " " + limit + source);
        }
        return new BudgetVerdict(budget, budget.enforced() ? BudgetVerdict.Status.FAIL : BudgetVerdict.Status.WARN, value,
                budget.key() + " = " + broken + source);
    }

    private static String percentOf(double difference, double limit)
    {
        return limit == 0 ? "" : ", " + String.format(Locale.ROOT, "%.0f", Math.abs(difference / limit) * 100) + " %";
    }

    static String number(double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.3f", value);
    }
}
