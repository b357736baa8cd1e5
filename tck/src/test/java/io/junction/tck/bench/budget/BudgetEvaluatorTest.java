package io.junction.tck.bench.budget;

import io.junction.tck.bench.scenario.ScenarioResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetEvaluatorTest
{
    private static final Budget P99 = new Budget("overhead", "added_p99_ms", 1.0, null, true, "junction", null);
    private static final Budget VS_NGINX = new Budget("max-throughput", "throughput_vs_nginx", null, 0.8, true, "junction", null);
    private static final Budget LITELLM_P99 = new Budget("overhead", "added_p99_ms", 13.0, null, false, "LiteLLM", null);

    @Test
    void aMetricWithinItsBudgetPasses()
    {
        List<BudgetVerdict> verdicts = BudgetEvaluator.evaluate(List.of(P99), List.of(overhead(Map.of("added_p99_ms", 0.7))));
        assertEquals(BudgetVerdict.Status.PASS, verdicts.getFirst().status());
        assertEquals("overhead.added_p99_ms = 0.700 <= 1", verdicts.getFirst().message());
        assertFalse(BudgetEvaluator.anyFailed(verdicts));
    }

    @Test
    void aBrokenMaximumSaysByHowMuch()
    {
        List<BudgetVerdict> verdicts = BudgetEvaluator.evaluate(List.of(P99), List.of(overhead(Map.of("added_p99_ms", 1.3))));
        BudgetVerdict verdict = verdicts.getFirst();
        assertEquals(BudgetVerdict.Status.FAIL, verdict.status());
        assertEquals(1.3, verdict.value());
        assertEquals("overhead.added_p99_ms = 1.300 > max 1 (over by 0.300, 30 %)", verdict.message());
        assertTrue(BudgetEvaluator.anyFailed(verdicts));
    }

    @Test
    void aBrokenMinimumSaysByHowMuch()
    {
        ScenarioResult result = new ScenarioResult("max-throughput", "", ScenarioResult.Status.COMPLETED, null, List.of(), List.of(),
                Map.of("throughput_vs_nginx", 0.6), List.of());
        BudgetVerdict verdict = BudgetEvaluator.evaluate(List.of(VS_NGINX), List.of(result)).getFirst();
        assertEquals(BudgetVerdict.Status.FAIL, verdict.status());
        assertEquals("max-throughput.throughput_vs_nginx = 0.600 < min 0.800 (short by 0.200, 25 %)", verdict.message());
    }

    @Test
    void aBrokenReferenceIsReportedWithoutFailingTheRun()
    {
        List<BudgetVerdict> verdicts = BudgetEvaluator.evaluate(List.of(LITELLM_P99), List.of(overhead(Map.of("added_p99_ms", 14.0))));
        assertEquals(BudgetVerdict.Status.WARN, verdicts.getFirst().status());
        assertTrue(verdicts.getFirst().message().endsWith("[LiteLLM reference]"), verdicts.getFirst().message());
        assertFalse(BudgetEvaluator.anyFailed(verdicts));
    }

    @Test
    void metricsNotMeasuredAndScenariosNotRunAreSaidSo()
    {
        ScenarioResult skipped = ScenarioResult.notRun("max-throughput", "", ScenarioResult.Status.SKIPPED, "no nginx");
        List<BudgetVerdict> verdicts = BudgetEvaluator.evaluate(List.of(P99, VS_NGINX), List.of(overhead(Map.of()), skipped));
        assertEquals(List.of(BudgetVerdict.Status.NOT_MEASURED, BudgetVerdict.Status.NOT_MEASURED), verdicts.stream().map(BudgetVerdict::status).toList());
        assertEquals("max-throughput.throughput_vs_nginx: not measured (scenario skipped: no nginx)", verdicts.get(1).message());
        assertFalse(BudgetEvaluator.anyFailed(verdicts));
    }

    @Test
    void budgetsOfScenariosNotAskedForAreLeftOut()
    {
        assertEquals(List.of(), BudgetEvaluator.evaluate(List.of(VS_NGINX), List.of(overhead(Map.of("added_p99_ms", 0.1)))));
    }

    @Test
    void budgetsReadFromYamlOrJsonDefaultToEnforced()
    {
        Budgets yaml = Budgets.parse("""
                budgets:
                  - scenario: overhead
                    metric: added_p50_ms
                    max: 0.2
                  - {scenario: overhead, metric: added_p99_ms, max: 13, enforced: false, source: LiteLLM}
                """, "test");
        assertEquals(2, yaml.budgets().size());
        assertTrue(yaml.budgets().getFirst().enforced());
        assertFalse(yaml.budgets().get(1).enforced());
        Budgets json = Budgets.parse("{\"budgets\": [{\"scenario\": \"cache-hit\", \"metric\": \"hit_ratio\", \"min\": 0.9}]}", "test");
        assertEquals(0.9, json.budgets().getFirst().min());
        assertEquals("junction", json.budgets().getFirst().source());
        IllegalArgumentException noLimit = assertThrows(IllegalArgumentException.class,
                () -> Budgets.parse("budgets: [{scenario: overhead, metric: x}]", "bad.yaml"));
        assertTrue(noLimit.getMessage().contains("bad.yaml") && noLimit.getMessage().contains("needs a max or a min"), noLimit.getMessage());
    }

    @Test
    void theShippedBudgetsHoldJunctionsAndLiteLlmsFigures()
    {
        List<Budget> budgets = Budgets.load(Optional.empty()).budgets();
        assertTrue(budgets.contains(new Budget("overhead", "added_p50_ms", 0.2, null, true, "junction", "Junction adds at most 0.2 ms at the median at 1,000 RPS")));
        assertTrue(budgets.stream().anyMatch(budget -> budget.key().equals("overhead.self_reported_p99_ms") && budget.max() == 0.5));
        assertTrue(budgets.stream().anyMatch(budget -> budget.key().equals("overhead.peak_rss_mb") && budget.max() == 300));
        assertTrue(budgets.stream().anyMatch(budget -> budget.key().equals("max-throughput.throughput_vs_nginx") && budget.min() == 0.8));
        assertTrue(budgets.stream().anyMatch(budget -> budget.key().equals("overhead.added_p95_ms") && !budget.enforced() && budget.max() == 8));
    }

    private static ScenarioResult overhead(Map<String, Double> metrics)
    {
        return new ScenarioResult("overhead", "", ScenarioResult.Status.COMPLETED, null, List.of(), List.of(), metrics, List.of());
    }
}
