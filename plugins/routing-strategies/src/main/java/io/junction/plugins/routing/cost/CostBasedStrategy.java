package io.junction.plugins.routing.cost;

import io.junction.plugins.routing.DecayingAverage;
import io.junction.plugins.routing.LowestScorePick;
import io.junction.spi.routing.AttemptOutcome;
import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.Deployment;
import io.junction.spi.routing.RouteRequest;
import io.junction.spi.routing.RoutingContext;
import io.junction.spi.routing.RoutingStrategy;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.random.RandomGenerator;

/**
 * LiteLLM's {@code cost-based-routing}: the cheapest deployment among those with rpm and tpm headroom; a random one
 * among those that cost the same. A deployment's prices are its own {@code input_cost_per_token} and
 * {@code output_cost_per_token}, each else the shipped {@link PriceTable}'s; a deployment whose price is still
 * unknown ranks after every priced one (LiteLLM assumed $5 a token instead, and hid the fact).
 * <p>
 * Cheapest means the lowest {@code input + output} price per token, as in LiteLLM, until the model group has shown
 * how long its answers are: then the lowest expected cost of this very request, {@code input price x its estimated
 * prompt tokens + output price x the group's recent average completion tokens}. That ranks a cheap-input deployment
 * first for long prompts, which the plain sum cannot. Lock-free: prices are resolved once per deployment, and the
 * completion averages are {@link DecayingAverage}s.
 */
public final class CostBasedStrategy
        implements RoutingStrategy
{
    /** How many recent answers the expected completion length follows. */
    static final int COMPLETION_WINDOW = 100;

    private static final TokenPrice UNKNOWN = new TokenPrice(Double.MAX_VALUE, Double.MAX_VALUE);

    private final PriceTable table;
    private final RandomGenerator random;
    private final InstantSource clock;
    private final ConcurrentMap<String, TokenPrice> prices = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DecayingAverage> completionTokens = new ConcurrentHashMap<>();

    public CostBasedStrategy(PriceTable table, RoutingContext context)
    {
        this.table = Objects.requireNonNull(table, "table is null");
        this.random = context.random();
        this.clock = context.clock();
    }

    @Override
    public Optional<Candidate> select(RouteRequest request, List<Candidate> candidates)
    {
        DecayingAverage completions = completionTokens.get(request.modelGroup());
        double expectedCompletion = completions == null ? Double.NaN : completions.mean(clock.millis());
        boolean lengthsKnown = request.estimatedPromptTokens() > 0 && expectedCompletion > 0;
        double promptWeight = lengthsKnown ? request.estimatedPromptTokens() : 1;
        double completionWeight = lengthsKnown ? expectedCompletion : 1;
        return LowestScorePick.amongThoseWithHeadroom(request, candidates, random, candidate -> cost(candidate.deployment(), promptWeight, completionWeight));
    }

    @Override
    public void onOutcome(AttemptOutcome outcome)
    {
        if (outcome.succeeded() && outcome.completionTokens() > 0) {
            completionTokens.computeIfAbsent(outcome.modelGroup(), group -> new DecayingAverage(COMPLETION_WINDOW, null, null))
                    .add(outcome.completionTokens(), clock.millis());
        }
    }

    /** The deployment's price, or empty when neither its configuration nor the table knows it. */
    public Optional<TokenPrice> price(Deployment deployment)
    {
        TokenPrice price = priceOf(deployment);
        return price == UNKNOWN ? Optional.empty() : Optional.of(price);
    }

    /** The deployment's score: its cost for a call of this shape, {@code +Infinity} when its price is unknown. */
    private double cost(Deployment deployment, double promptWeight, double completionWeight)
    {
        TokenPrice price = priceOf(deployment);
        return price == UNKNOWN ? Double.POSITIVE_INFINITY : price.cost(promptWeight, completionWeight);
    }

    private TokenPrice priceOf(Deployment deployment)
    {
        TokenPrice price = prices.get(deployment.id());
        if (price == null) {
            price = prices.computeIfAbsent(deployment.id(), id -> resolve(deployment));
        }
        return price;
    }

    private TokenPrice resolve(Deployment deployment)
    {
        Optional<TokenPrice> listed = table.find(deployment.provider(), deployment.model());
        double input = deployment.inputCostPerToken().orElse(Double.NaN);
        double output = deployment.outputCostPerToken().orElse(Double.NaN);
        if (!TokenPrice.isPrice(input)) {
            input = listed.map(TokenPrice::input).orElse(Double.NaN);
        }
        if (!TokenPrice.isPrice(output)) {
            output = listed.map(TokenPrice::output).orElse(Double.NaN);
        }
        return TokenPrice.isPrice(input) && TokenPrice.isPrice(output) ? new TokenPrice(input, output) : UNKNOWN;
    }
}
