package io.junction.kernel.config;

import io.junction.spi.ConfigException;
import io.junction.spi.ConfigView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads {@code model_list}: one {@link ModelDeployment} per entry, in file order.
 */
final class ModelListParser
{
    static final String SECTION = "model_list";
    static final String DEFAULT_PROVIDER = "openai";
    static final String MOCK_PROVIDER = "mock";

    private static final String MODEL_EXAMPLE = "model: openai/gpt-4o (provider/model name)";

    private final EnvironmentResolver resolver;
    private final List<String> warnings;

    ModelListParser(EnvironmentResolver resolver, List<String> warnings)
    {
        this.resolver = resolver;
        this.warnings = warnings;
    }

    List<ModelDeployment> parse(Object writtenList)
    {
        if (writtenList == null) {
            return List.of();
        }
        if (!(writtenList instanceof List<?> entries)) {
            throw ConfigValues.wrongType(SECTION, writtenList, "a list of deployments",
                    "each deployment as a list item under model_list, starting with \"- model_name: ...\"");
        }
        List<Entry> parsed = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            parsed.add(parseEntry(KeyPaths.index(SECTION, i), entries.get(i)));
        }
        return assignIds(parsed);
    }

    private Entry parseEntry(String path, Object written)
    {
        if (!(written instanceof Map<?, ?>)) {
            throw new ConfigException(path, "expected a deployment (a mapping with model_name and litellm_params) but found "
                    + (written == null ? "nothing" : ConfigValues.describe(path, written))
                    + ". Fix: write \"- model_name: <name>\" followed by an indented \"litellm_params:\" block with model: <provider>/<model>.");
        }
        Map<String, Object> writtenEntry = ConfigValues.mapping(path, written, "");
        Map<String, Object> entry = ConfigValues.mapping(path, resolver.resolve(path, written), "");

        String modelName = ConfigValues.requireString(KeyPaths.child(path, "model_name"), entry.get("model_name"),
                "model_name: gpt-4o (the name clients send as \"model\")");

        String paramsPath = KeyPaths.child(path, "litellm_params");
        Object paramsValue = entry.get("litellm_params");
        if (paramsValue == null) {
            throw ConfigValues.missing(paramsPath, null, "litellm_params: with at least " + MODEL_EXAMPLE + " indented below it");
        }
        Map<String, Object> params = ConfigValues.mapping(paramsPath, paramsValue, "litellm_params: with " + MODEL_EXAMPLE + " indented below it");
        Map<String, Object> writtenParams = ConfigValues.mapping(paramsPath, writtenEntry.get("litellm_params"), "");

        String modelPath = KeyPaths.child(paramsPath, "model");
        String model = ConfigValues.requireString(modelPath, params.get("model"), MODEL_EXAMPLE);
        String provider = DEFAULT_PROVIDER;
        String upstreamModel = model;
        int slash = model.indexOf('/');
        if (slash >= 0) {
            provider = model.substring(0, slash);
            upstreamModel = model.substring(slash + 1);
            if (provider.isBlank() || upstreamModel.isBlank()) {
                throw new ConfigException(modelPath, "'" + model + "' has an empty provider or model name. Fix: write " + MODEL_EXAMPLE + ".");
            }
        }
        if (params.get("mock_response") != null) {
            provider = MOCK_PROVIDER;
        }

        String infoPath = KeyPaths.child(path, "model_info");
        Map<String, Object> modelInfo = withoutNulls(ConfigValues.mapping(infoPath, entry.get("model_info"), "model_info: with id: my-deployment indented below it"));
        Optional<String> explicitId = explicitId(KeyPaths.child(infoPath, "id"), modelInfo.get("id"));

        ModelDeployment deployment = new ModelDeployment(
                explicitId.orElseGet(() -> DeploymentIds.derive(modelName, writtenParams)),
                modelName,
                provider,
                upstreamModel,
                new ConfigView(paramsPath, params),
                modelInfo,
                ConfigValues.positiveNumber(KeyPaths.child(paramsPath, "weight"), params.get("weight"), "shares", "weight: 2"),
                quota(path, entry, paramsPath, params, "rpm", "requests per minute", "rpm: 60"),
                quota(path, entry, paramsPath, params, "tpm", "tokens per minute", "tpm: 100000"),
                ConfigValues.positiveSeconds(KeyPaths.child(paramsPath, "timeout"), params.get("timeout"), "timeout: 30 (seconds)"),
                ConfigValues.positiveSeconds(KeyPaths.child(paramsPath, "stream_timeout"), params.get("stream_timeout"), "stream_timeout: 60 (seconds)"),
                cost(paramsPath, params, infoPath, modelInfo, "input_cost_per_token"),
                cost(paramsPath, params, infoPath, modelInfo, "output_cost_per_token"));
        return new Entry(path, explicitId.isPresent(), deployment);
    }

    /** {@code litellm_params.rpm}, else {@code rpm} next to {@code litellm_params} (LiteLLM's router reads both). */
    private static OptionalLong quota(String path, Map<String, Object> entry, String paramsPath, Map<String, Object> params, String key, String what, String example)
    {
        OptionalLong fromParams = ConfigValues.nonNegativeInteger(KeyPaths.child(paramsPath, key), params.get(key), what, example);
        if (fromParams.isPresent()) {
            return fromParams;
        }
        return ConfigValues.nonNegativeInteger(KeyPaths.child(path, key), entry.get(key), what, example);
    }

    private static OptionalDouble cost(String paramsPath, Map<String, Object> params, String infoPath, Map<String, Object> modelInfo, String key)
    {
        String example = key + ": 0.0000025 (USD per token)";
        OptionalDouble fromParams = ConfigValues.nonNegativeNumber(KeyPaths.child(paramsPath, key), params.get(key), "USD per token", example);
        if (fromParams.isPresent()) {
            return fromParams;
        }
        return ConfigValues.nonNegativeNumber(KeyPaths.child(infoPath, key), modelInfo.get(key), "USD per token", example);
    }

    private static Optional<String> explicitId(String path, Object value)
    {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number) {
            return Optional.of(number.toString());
        }
        return Optional.of(ConfigValues.requireString(path, value, "id: my-deployment-eu (unique across model_list)"));
    }

    private List<ModelDeployment> assignIds(List<Entry> entries)
    {
        Map<String, String> explicitOwners = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.explicitId()) {
                String id = entry.deployment().id();
                String owner = explicitOwners.putIfAbsent(id, entry.path());
                if (owner != null) {
                    throw new ConfigException(KeyPaths.child(entry.path(), "model_info.id"), "'" + id + "' is already the id of " + owner
                            + ". Fix: give every deployment its own model_info.id, or remove it to let Junction derive one.");
                }
            }
        }
        Map<String, String> owners = new HashMap<>(explicitOwners);
        List<ModelDeployment> deployments = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            ModelDeployment deployment = entry.explicitId() ? entry.deployment() : entry.deployment().withId(unusedDerivedId(entry, owners));
            owners.putIfAbsent(deployment.id(), entry.path());
            deployments.add(deployment);
        }
        return deployments;
    }

    /** The entry's derived id, or the first of id-2, id-3... that no earlier deployment has. */
    private String unusedDerivedId(Entry entry, Map<String, String> owners)
    {
        String derivedId = entry.deployment().id();
        String id = derivedId;
        for (int copy = 2; owners.containsKey(id); copy++) {
            id = derivedId + "-" + copy;
        }
        if (!id.equals(derivedId)) {
            warnings.add(entry.path() + " has the same model_name and litellm_params as " + owners.get(derivedId)
                    + "; it is kept as a separate deployment with id " + id);
        }
        return id;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values)
    {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    /**
     * @param explicitId whether the deployment's id is its {@code model_info.id}; otherwise it is derived, and renamed
     *        when an earlier deployment has it already
     */
    private record Entry(String path, boolean explicitId, ModelDeployment deployment) {}
}
