package io.junction.plugins.routing.shuffle;

import io.junction.spi.routing.Deployment;

/**
 * What a simple-shuffle pick is proportional to, in LiteLLM's order of precedence: {@code weight}, else
 * {@code rpm}, else {@code tpm}, else nothing (a uniform pick).
 */
enum ShuffleBasis
{
    WEIGHT {
        @Override
        boolean declaredBy(Deployment deployment)
        {
            return deployment.weight().isPresent();
        }

        @Override
        double share(Deployment deployment)
        {
            return deployment.weight().isPresent() ? positiveOrZero(deployment.weight().getAsDouble()) : 0;
        }
    },
    RPM {
        @Override
        boolean declaredBy(Deployment deployment)
        {
            return deployment.rpm().isPresent();
        }

        @Override
        double share(Deployment deployment)
        {
            return deployment.rpm().isPresent() ? positiveOrZero(deployment.rpm().getAsLong()) : 0;
        }
    },
    TPM {
        @Override
        boolean declaredBy(Deployment deployment)
        {
            return deployment.tpm().isPresent();
        }

        @Override
        double share(Deployment deployment)
        {
            return deployment.tpm().isPresent() ? positiveOrZero(deployment.tpm().getAsLong()) : 0;
        }
    },
    UNIFORM {
        @Override
        boolean declaredBy(Deployment deployment)
        {
            return true;
        }

        @Override
        double share(Deployment deployment)
        {
            return 1;
        }
    };

    /** Whether the deployment's configuration sets this figure at all. */
    abstract boolean declaredBy(Deployment deployment);

    /**
     * The deployment's share of the traffic. A deployment that does not set the figure, or sets it to zero, a
     * negative number or NaN, gets none (LiteLLM reads a missing figure as 0).
     */
    abstract double share(Deployment deployment);

    private static double positiveOrZero(double value)
    {
        // written so that NaN also yields 0
        return value > 0 && value < Double.POSITIVE_INFINITY ? value : 0;
    }
}
