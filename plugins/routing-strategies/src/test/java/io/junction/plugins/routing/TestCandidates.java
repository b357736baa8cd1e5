package io.junction.plugins.routing;

import io.junction.spi.routing.Candidate;
import io.junction.spi.routing.Deployment;
import io.junction.spi.routing.DeploymentLoad;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Builds the candidates a kernel would hand a strategy. */
public final class TestCandidates
{
    public static final String GROUP = "chat";

    private final String id;
    private String provider = "openai";
    private String model = "gpt-4o";
    private OptionalLong rpm = OptionalLong.empty();
    private OptionalLong tpm = OptionalLong.empty();
    private OptionalDouble inputCost = OptionalDouble.empty();
    private OptionalDouble outputCost = OptionalDouble.empty();
    private OptionalDouble weight = OptionalDouble.empty();
    private int inFlight;
    private long requests;
    private long tokens;

    private TestCandidates(String id)
    {
        this.id = id;
    }

    public static TestCandidates deployment(String id)
    {
        return new TestCandidates(id);
    }

    /** An idle deployment of group {@value #GROUP} without quotas or prices. */
    public static Candidate idle(String id)
    {
        return deployment(id).candidate();
    }

    public TestCandidates model(String provider, String model)
    {
        this.provider = provider;
        this.model = model;
        return this;
    }

    public TestCandidates rpm(long rpm)
    {
        this.rpm = OptionalLong.of(rpm);
        return this;
    }

    public TestCandidates tpm(long tpm)
    {
        this.tpm = OptionalLong.of(tpm);
        return this;
    }

    public TestCandidates weight(double weight)
    {
        this.weight = OptionalDouble.of(weight);
        return this;
    }

    /** Prices in USD per million tokens, as price pages write them. */
    public TestCandidates pricePerMillion(double input, double output)
    {
        this.inputCost = OptionalDouble.of(input / 1e6);
        this.outputCost = OptionalDouble.of(output / 1e6);
        return this;
    }

    public TestCandidates inputPricePerMillion(double input)
    {
        this.inputCost = OptionalDouble.of(input / 1e6);
        return this;
    }

    public TestCandidates load(int inFlight, long requestsThisMinute, long tokensThisMinute)
    {
        this.inFlight = inFlight;
        this.requests = requestsThisMinute;
        this.tokens = tokensThisMinute;
        return this;
    }

    public Deployment toDeployment()
    {
        return new Deployment(id, GROUP, provider, model, weight, rpm, tpm, inputCost, outputCost, Map.of());
    }

    public Candidate candidate()
    {
        return new Candidate(toDeployment(), new DeploymentLoad(inFlight, requests, tokens));
    }
}
