package io.junction.tck.callback;

/** The callback kit on the correct reference callback, as a plugin's build runs it: every rule passes. */
class ReferenceCallbackContractTest
        extends CallbackKits.Reference
{
}
