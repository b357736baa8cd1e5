package io.junction.tck.validate;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands the validator's kit classes the extension they check. JUnit instantiates test classes itself, so the
 * validator registers the target here under an id, passes the id as a configuration parameter of the launch, and
 * {@link Resolver} looks it up when JUnit builds each instance. Concurrent validations do not see each other's.
 */
public final class ValidationTargets
{
    static final String PARAMETER = "junction.tck.validate.target";

    private static final Map<String, ValidationTarget> TARGETS = new ConcurrentHashMap<>();

    private ValidationTargets() {}

    static String register(ValidationTarget target)
    {
        String id = UUID.randomUUID().toString();
        TARGETS.put(id, target);
        return id;
    }

    static void remove(String id)
    {
        TARGETS.remove(id);
    }

    /** Resolves a constructor parameter of type {@link ValidationTarget} from the launch's configuration. */
    public static final class Resolver
            implements ParameterResolver
    {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context)
        {
            return parameter.getParameter().getType() == ValidationTarget.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
        {
            String id = context.getConfigurationParameter(PARAMETER)
                    .orElseThrow(() -> new ParameterResolutionException("this kit class is run by the plugin validator only (no " + PARAMETER + " given)"));
            ValidationTarget target = TARGETS.get(id);
            if (target == null) {
                throw new ParameterResolutionException("no validation target registered under " + id);
            }
            return target;
        }
    }
}
