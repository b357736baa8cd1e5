package io.junction.plugins.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.junction.spi.ErrorKind;
import io.junction.spi.provider.ProviderException;
import org.junit.jupiter.api.Test;

import static io.junction.plugins.providers.gemini.GeminiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON Schema to Gemini's OpenAPI subset. */
class GeminiSchemaTest
{
    @Test
    void keepsOnlyGeminisKeysButEveryPropertyWhateverItsName()
    {
        JsonNode schema = json("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"urn:x","type":"object","strict":true,
                 "additionalProperties":false,"title":"Args","description":"The arguments",
                 "properties":{
                   "additionalProperties":{"type":"string","examples":["a"]},
                   "title":{"type":"string","minLength":1,"maxLength":80,"pattern":"^[A-Z]"},
                   "count":{"type":"integer","minimum":0,"maximum":10,"exclusiveMaximum":11,"default":1}},
                 "required":["title"]}""");

        assertEquals(json("""
                {"type":"object","title":"Args","description":"The arguments",
                 "properties":{
                   "additionalProperties":{"type":"string"},
                   "title":{"type":"string","minLength":1,"maxLength":80,"pattern":"^[A-Z]"},
                   "count":{"type":"integer","minimum":0,"maximum":10,"default":1}},
                 "required":["title"]}"""), GeminiSchema.translate(schema, "tools"));
    }

    @Test
    void inlinesReferencesToDefinitions()
    {
        JsonNode schema = json("""
                {"type":"object","$defs":{"Point":{"type":"object","properties":{"x":{"type":"number"},"y":{"type":"number"}},
                   "additionalProperties":false}},
                 "properties":{"from":{"$ref":"#/$defs/Point","description":"start"},"path":{"type":"array","items":{"$ref":"#/$defs/Point"}}}}""");

        assertEquals(json("""
                {"type":"object","properties":{
                   "from":{"type":"object","properties":{"x":{"type":"number"},"y":{"type":"number"}},"description":"start"},
                   "path":{"type":"array","items":{"type":"object","properties":{"x":{"type":"number"},"y":{"type":"number"}}}}}}"""),
                GeminiSchema.translate(schema, "tools"));
    }

    @Test
    void turnsNullAlternativesIntoNullable()
    {
        JsonNode schema = json("""
                {"type":"object","properties":{
                   "note":{"anyOf":[{"type":"string"},{"type":"null"}],"description":"optional"},
                   "id":{"oneOf":[{"type":"string"},{"type":"integer"},{"type":"null"}]},
                   "tag":{"type":["string","null"]},
                   "kind":{"const":"point"}}}""");

        assertEquals(json("""
                {"type":"object","properties":{
                   "note":{"type":"string","nullable":true,"description":"optional"},
                   "id":{"anyOf":[{"type":"string","nullable":true},{"type":"integer","nullable":true}]},
                   "tag":{"type":"string","nullable":true},
                   "kind":{"enum":["point"]}}}"""), GeminiSchema.translate(schema, "tools"));
    }

    @Test
    void refusesASchemaThatRefersToItselfEndlessly()
    {
        JsonNode schema = json("""
                {"type":"object","$defs":{"Node":{"type":"object","properties":{"next":{"$ref":"#/$defs/Node"}}}},
                 "properties":{"head":{"$ref":"#/$defs/Node"}}}""");

        ProviderException failure = assertThrows(ProviderException.class, () -> GeminiSchema.translate(schema, "tools"));

        assertEquals(ErrorKind.INVALID_REQUEST, failure.kind());
        assertEquals("tools", failure.param().orElseThrow());
    }

    @Test
    void tellsAnEmptyObjectFromOneWithProperties()
    {
        assertTrue(GeminiSchema.isEmptyObject(json("{\"type\":\"object\",\"properties\":{}}")));
        assertTrue(GeminiSchema.isEmptyObject(json("{\"type\":\"object\"}")));
        assertTrue(GeminiSchema.isEmptyObject(null));
        assertFalse(GeminiSchema.isEmptyObject(json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}")));
    }
}
