package io.junction.kernel.config;

import io.junction.spi.ConfigException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses a YAML document into plain maps, lists, strings, numbers and booleans, safely: only YAML's standard
 * types are constructed (never an arbitrary class), and the size, nesting depth and alias expansion of the
 * document are bounded, so a hostile or broken file fails with a message instead of exhausting the heap.
 */
final class YamlDocument
{
    /** A config.yaml is a few kilobytes; 2 Mi code points hold thousands of deployments (and snakeyaml slows down on far larger input). */
    static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

    private static final int MAX_ALIASES = 50;
    private static final int MAX_NESTING_DEPTH = 50;
    // bounds the tree after aliases are expanded (a "billion laughs" document stays small on disk)
    private static final int MAX_NODES = 1_000_000;

    private int nodes;

    private YamlDocument() {}

    /**
     * @return the top-level mapping with string keys; empty for an empty document
     * @throws ConfigException naming {@code sourceName} and the line and column of a syntax error
     */
    static Map<String, Object> read(String yaml, String sourceName)
    {
        Object loaded;
        try {
            loaded = newYaml().load(yaml);
        }
        catch (MarkedYAMLException e) {
            throw syntaxError(sourceName, e);
        }
        catch (YAMLException e) {
            if (yaml.codePointCount(0, yaml.length()) > MAX_CODE_POINTS) {
                throw new ConfigException(sourceName, "is longer than " + MAX_CODE_POINTS
                        + " characters, far more than any config.yaml. Fix: check that the path points at the config.yaml.");
            }
            throw new ConfigException(sourceName, "cannot be read as YAML: " + shorten(e.getMessage())
                    + ". Fix: keep config.yaml a plain YAML document of mappings, lists and values.");
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?>)) {
            throw new ConfigException(sourceName, "expected a mapping of sections (model_list:, router_settings:, ...) at the top level but found "
                    + (loaded instanceof List ? "a list" : "a single value") + ". Fix: start the file with model_list: and the other sections.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) new YamlDocument().normalize("", loaded, new IdentityHashMap<>());
        return document;
    }

    private static Yaml newYaml()
    {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        // PyYAML keeps the last of two equal keys silently; a second litellm_params usually is a mistake
        options.setAllowDuplicateKeys(false);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options, new NoTimestampResolver());
    }

    private static ConfigException syntaxError(String sourceName, MarkedYAMLException e)
    {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        // getMessage() would quote the offending line, which may hold a secret: use the parts without it
        String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
        String context = e.getContext() != null ? e.getContext() + ": " : "";
        String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        String near = mark == null ? "" : " around line " + (mark.getLine() + 1);
        return new ConfigException(sourceName, "invalid YAML" + where + ": " + context + problem
                + ". Fix: check the indentation (spaces, not tabs), the quoting and the colons" + near + ".");
    }

    private Object normalize(String path, Object node, IdentityHashMap<Object, Boolean> open)
    {
        if (++nodes > MAX_NODES) {
            throw new ConfigException(path.isEmpty() ? "config" : path, "expands to more than " + MAX_NODES
                    + " values through YAML aliases (*name). Fix: write the repeated parts out, or use fewer aliases.");
        }
        if (node instanceof Map<?, ?> || node instanceof Collection<?>) {
            if (open.put(node, Boolean.TRUE) != null) {
                throw new ConfigException(path, "contains itself through a YAML alias (&name ... *name). Fix: remove the alias that points back to its own parent.");
            }
            try {
                return node instanceof Map<?, ?> map ? normalizeMap(path, map, open) : normalizeList(path, (Collection<?>) node, open);
            }
            finally {
                open.remove(node);
            }
        }
        if (node == null || node instanceof String || node instanceof Boolean || node instanceof Integer || node instanceof Long
                || node instanceof BigInteger || node instanceof Double) {
            return node;
        }
        if (node instanceof Date date) {
            // only an explicit !!timestamp gets here (plain dates stay strings, see NoTimestampResolver)
            return date.toInstant().toString();
        }
        throw new ConfigException(path, "holds a YAML value of an unsupported type (" + node.getClass().getSimpleName()
                + ", e.g. !!binary). Fix: write it as a string.");
    }

    private Map<String, Object> normalizeMap(String path, Map<?, ?> map, IdentityHashMap<Object, Boolean> open)
    {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            if (key instanceof Map || key instanceof Collection) {
                throw new ConfigException(path.isEmpty() ? "config" : path, "has a key that is a mapping or a list. Fix: use plain names as keys.");
            }
            // YAML 1.1 reads some keys as numbers or booleans (404:, on:); LiteLLM sees their text
            String name = String.valueOf(key);
            copy.put(name, normalize(KeyPaths.child(path, name), entry.getValue(), open));
        }
        return copy;
    }

    private List<Object> normalizeList(String path, Collection<?> items, IdentityHashMap<Object, Boolean> open)
    {
        List<Object> copy = new ArrayList<>(items.size());
        int index = 0;
        for (Object item : items) {
            copy.add(normalize(KeyPaths.index(path, index++), item, open));
        }
        return copy;
    }

    private static String shorten(String message)
    {
        if (message == null) {
            return "unknown error";
        }
        String firstLine = message.lines().findFirst().orElse(message).strip();
        if (firstLine.endsWith(".")) {
            firstLine = firstLine.substring(0, firstLine.length() - 1);
        }
        return firstLine.length() > 200 ? firstLine.substring(0, 200) + "..." : firstLine;
    }

    /**
     * YAML 1.1 reads an unquoted {@code api_version: 2024-02-01} as a date. LiteLLM hands such values on as text,
     * and so do we: timestamps stay strings.
     */
    private static final class NoTimestampResolver
            extends Resolver
    {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit)
        {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }

        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first)
        {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first);
            }
        }
    }
}
