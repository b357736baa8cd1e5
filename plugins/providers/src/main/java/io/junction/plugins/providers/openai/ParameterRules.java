package io.junction.plugins.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The top-level chat parameters an OpenAI-compatible upstream refuses (dropped with {@code drop_params}, a 400
 * otherwise) or knows by another name (renamed). Only what the provider's own documentation says belongs here: an
 * upstream that accepts everything OpenAI does has {@link #NONE}.
 */
public final class ParameterRules
{
    public static final ParameterRules NONE = new ParameterRules(List.of(), Map.of());

    private final List<Refusal> refusals;
    private final Map<String, String> renames;

    private ParameterRules(List<Refusal> refusals, Map<String, String> renames)
    {
        this.refusals = List.copyOf(refusals);
        this.renames = Map.copyOf(renames);
    }

    static Builder builder()
    {
        return new Builder();
    }

    /** Every parameter name a rule is about. */
    Set<String> names()
    {
        Set<String> names = new LinkedHashSet<>();
        refusals.forEach(refusal -> names.add(refusal.name()));
        names.addAll(renames.keySet());
        return names;
    }

    /** The parameters among {@code present} (non-null top-level values by name) the upstream refuses for {@code model}. */
    List<String> refused(Map<String, JsonNode> present, String model)
    {
        List<String> refused = new ArrayList<>();
        for (Refusal refusal : refusals) {
            JsonNode value = present.get(refusal.name());
            if (value != null && refusal.models().test(model) && refusal.values().test(value) && !refused.contains(refusal.name())) {
                refused.add(refusal.name());
            }
        }
        return refused;
    }

    /** OpenAI's name to the upstream's, for parameters the upstream takes under another name. */
    Map<String, String> renames()
    {
        return renames;
    }

    @Override
    public String toString()
    {
        return "ParameterRules[refused=" + refusals.stream().map(Refusal::name).toList() + ", renamed=" + renames + "]";
    }

    /**
     * @param models the upstream models the refusal applies to
     * @param values the values refused (some parameters are refused only above a limit, such as {@code n})
     */
    private record Refusal(String name, Predicate<String> models, Predicate<JsonNode> values)
    {
        Refusal
        {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(models, "models is null");
            Objects.requireNonNull(values, "values is null");
        }
    }

    static final class Builder
    {
        private final List<Refusal> refusals = new ArrayList<>();
        private final Map<String, String> renames = new LinkedHashMap<>();

        /** The upstream refuses these parameters whatever their value. */
        Builder refuse(String... names)
        {
            for (String name : names) {
                refusals.add(new Refusal(name, model -> true, value -> true));
            }
            return this;
        }

        /** The upstream refuses these parameters only for models whose name contains {@code fragment}. */
        Builder refuseForModelsContaining(String fragment, String... names)
        {
            for (String name : names) {
                refusals.add(new Refusal(name, model -> model.contains(fragment), value -> true));
            }
            return this;
        }

        /** The upstream takes {@code name} only with the value {@code allowed} (Groq's {@code n}). */
        Builder refuseUnlessEqualTo(String name, int allowed)
        {
            refusals.add(new Refusal(name, model -> true, value -> !(value.canConvertToInt() && value.isIntegralNumber() && value.asInt() == allowed)));
            return this;
        }

        Builder rename(String openAiName, String upstreamName)
        {
            renames.put(openAiName, upstreamName);
            return this;
        }

        ParameterRules build()
        {
            return new ParameterRules(refusals, renames);
        }
    }
}
