package io.junction.kernel.plugin;

import java.util.List;

/**
 * The parent of every plugin class loader: it shows a plugin the JDK and the SPI packages of the kernel, and
 * nothing else. A plugin therefore cannot come to depend on the kernel's internals or libraries by accident; it
 * bundles what it uses.
 */
final class SpiOnlyClassLoader
        extends ClassLoader
{
    private static final List<String> VISIBLE_PACKAGE_PREFIXES = List.of("io.junction.spi.");

    private final ClassLoader kernelClassLoader;

    SpiOnlyClassLoader(ClassLoader kernelClassLoader)
    {
        super("junction-spi-only", ClassLoader.getPlatformClassLoader());
        this.kernelClassLoader = kernelClassLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve)
            throws ClassNotFoundException
    {
        for (String prefix : VISIBLE_PACKAGE_PREFIXES) {
            if (name.startsWith(prefix)) {
                return kernelClassLoader.loadClass(name);
            }
        }
        return super.loadClass(name, resolve);
    }
}
