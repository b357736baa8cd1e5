package io.junction.kernel.router.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts behind {@link RedisStore}. Each runs atomically in Redis, so a check and the change it allows can
 * never interleave with another instance's. Times and minutes come from the caller (ARGV), never from Redis.
 */
enum RedisScripts
{
    /**
     * KEYS[1] window hash; ARGV: id, rpm (-1: none), tpm (-1: none), tokens, ttl seconds.
     * Returns {granted 0/1, requests, tokens}.
     */
    RESERVE("""
            local id = ARGV[1]
            local counts = redis.call('HMGET', KEYS[1], 'r:' .. id, 't:' .. id)
            local requests = tonumber(counts[1]) or 0
            local tokens = tonumber(counts[2]) or 0
            local rpm = tonumber(ARGV[2])
            local tpm = tonumber(ARGV[3])
            local asked = tonumber(ARGV[4])
            if (rpm >= 0 and requests + 1 > rpm) or (tpm >= 0 and tokens + asked > tpm) then
              return {0, requests, tokens}
            end
            requests = redis.call('HINCRBY', KEYS[1], 'r:' .. id, 1)
            tokens = redis.call('HINCRBY', KEYS[1], 't:' .. id, asked)
            redis.call('EXPIRE', KEYS[1], ARGV[5])
            return {1, requests, tokens}
            """),

    /**
     * KEYS[1] window hash; ARGV: id, requests, tokens, successes, failures, ttl seconds (each count may be 0).
     * Returns {requests, tokens, successes, failures} after the change.
     */
    RECORD("""
            local id = ARGV[1]
            local fields = {'r:' .. id, 't:' .. id, 's:' .. id, 'f:' .. id}
            for i = 1, 4 do
              local amount = tonumber(ARGV[i + 1])
              if amount ~= 0 then
                redis.call('HINCRBY', KEYS[1], fields[i], amount)
              end
            end
            redis.call('EXPIRE', KEYS[1], ARGV[6])
            local counts = redis.call('HMGET', KEYS[1], fields[1], fields[2], fields[3], fields[4])
            return {tonumber(counts[1]) or 0, tonumber(counts[2]) or 0, tonumber(counts[3]) or 0, tonumber(counts[4]) or 0}
            """),

    /**
     * KEYS[1] cooldown hash; ARGV: id, now ms, until ms, the group's deployment ids... Sets the cooldown only if
     * another deployment of the group is not cooling down. Returns 1 when set, 0 when refused.
     */
    COOL_DOWN("""
            local now = tonumber(ARGV[2])
            local healthy = 0
            for i = 4, #ARGV do
              if ARGV[i] ~= ARGV[1] then
                local ends = tonumber(redis.call('HGET', KEYS[1], ARGV[i])) or 0
                if ends <= now then
                  healthy = healthy + 1
                end
              end
            end
            if healthy == 0 then
              return 0
            end
            local untilMs = tonumber(ARGV[3])
            local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1])) or 0
            if untilMs > current then
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            end
            local remaining = redis.call('PTTL', KEYS[1])
            if remaining < untilMs - now then
              redis.call('PEXPIRE', KEYS[1], untilMs - now)
            end
            return 1
            """),

    /**
     * KEYS[1] window hash, KEYS[2] cooldown hash; ARGV: now ms. Drops ended cooldowns.
     * Returns {window fields and values..., {cooldown ids and ends...}}.
     */
    SNAPSHOT("""
            local now = tonumber(ARGV[1])
            local cooling = {}
            local cooldowns = redis.call('HGETALL', KEYS[2])
            for i = 1, #cooldowns, 2 do
              if (tonumber(cooldowns[i + 1]) or 0) <= now then
                redis.call('HDEL', KEYS[2], cooldowns[i])
              else
                cooling[#cooling + 1] = cooldowns[i]
                cooling[#cooling + 1] = cooldowns[i + 1]
              end
            end
            return {redis.call('HGETALL', KEYS[1]), cooling}
            """),

    /**
     * KEYS[1] instances hash; ARGV: instance id, now ms, stale after ms, ttl seconds. Forgets stale instances.
     * Returns how many instances are alive.
     */
    HEARTBEAT("""
            local now = tonumber(ARGV[2])
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            local alive = 0
            local seen = redis.call('HGETALL', KEYS[1])
            for i = 1, #seen, 2 do
              if now - (tonumber(seen[i + 1]) or 0) > tonumber(ARGV[3]) then
                redis.call('HDEL', KEYS[1], seen[i])
              else
                alive = alive + 1
              end
            end
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            return alive
            """);

    private final String text;
    private final String sha;

    RedisScripts(String text)
    {
        this.text = text;
        this.sha = sha1(text);
    }

    String text()
    {
        return text;
    }

    /** What EVALSHA names the script by: the SHA-1 of its text, as Redis computes it. */
    String sha()
    {
        return sha;
    }

    private static String sha1(String text)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
