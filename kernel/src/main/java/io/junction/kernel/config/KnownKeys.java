package io.junction.kernel.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The keys of each section that Junction reads, and the keys LiteLLM documents that Junction does not read yet.
 * Every other key gets one warning: "not supported yet" for a LiteLLM key, "unknown key (typo?)" for anything
 * else, with the nearest known key as a suggestion. {@code litellm_params}, {@code model_info} and
 * {@code cache_params} are not checked: provider adapters and caches read what they need from them.
 */
final class KnownKeys
{
    static final Section TOP = new Section(
            Set.of("model_list", "router_settings", "litellm_settings", "general_settings", "environment_variables"),
            Set.of("include", "credential_list", "callback_settings", "guardrails", "mcp_servers", "mcp_tools", "assistant_settings",
                    "files_settings", "finetune_settings", "vector_store_registry", "search_tools", "prompts", "policies",
                    "pass_through_endpoints", "model_group_settings"));

    static final Section DEPLOYMENT = new Section(
            // LiteLLM's router also reads rpm and tpm next to litellm_params
            Set.of("model_name", "litellm_params", "model_info", "rpm", "tpm"),
            Set.of());

    static final Section ROUTER = new Section(
            Set.of("routing_strategy", "num_retries", "timeout", "redis_host", "redis_port", "redis_password", "redis_url", "redis_db",
                    "allowed_fails", "cooldown_time", "disable_cooldowns", "fallbacks", "context_window_fallbacks", "content_policy_fallbacks",
                    "default_fallbacks", "max_fallbacks", "enable_pre_call_checks", "retry_after",
                    // Junction's own: see docs/router.md
                    "redis_fallback_fraction", "redis_timeout_ms", "redis_key_prefix", "max_retry_delay", "retry_budget_ratio",
                    "retry_budget_min_per_second"),
            Set.of("enable_pre_call_check", "optional_pre_call_checks", "model_group_alias",
                    "retry_policy", "model_group_retry_policy", "allowed_fails_policy", "routing_strategy_args", "provider_budget_config",
                    "enable_tag_filtering", "tag_filtering_match_any", "default_max_parallel_requests", "default_priority",
                    "polling_interval", "default_litellm_params", "stream_timeout", "debug_level", "client_ttl", "cache_kwargs",
                    "cache_responses", "caching_groups", "set_verbose", "router_general_settings",
                    "deployment_affinity_ttl_seconds", "ignore_invalid_deployments", "search_tools", "guardrail_list", "routing_groups",
                    "assistants_config", "alerting_config"));

    static final Section LITELLM = new Section(
            Set.of("drop_params", "callbacks", "success_callback", "failure_callback", "cache", "cache_params", "request_timeout", "num_retries",
                    "fallbacks", "context_window_fallbacks", "content_policy_fallbacks", "default_fallbacks", "allowed_fails"),
            Set.of("set_verbose", "json_logs", "turn_off_message_logging", "redact_user_api_key_info", "redact_messages_in_exceptions",
                    "max_budget", "budget_duration", "service_callbacks", "input_callback", "langfuse_default_tags", "modify_params",
                    "enable_preview_features", "force_ipv4", "mcp_aliases", "disable_end_user_cost_tracking",
                    "disable_end_user_cost_tracking_prometheus_only", "key_generation_settings", "disable_add_transform_inline_image_block",
                    "disable_hf_tokenizer_download", "enable_json_schema_validation", "enable_key_alias_format_validation",
                    "disable_copilot_system_to_assistant", "use_chat_completions_url_for_anthropic_messages", "max_parallel_requests",
                    "default_team_settings", "default_internal_user_params", "default_key_generate_params", "upperbound_key_generate_params",
                    "max_internal_user_budget", "internal_user_budget_duration", "max_end_user_budget", "return_response_headers",
                    "ssl_verify", "telemetry", "callback_settings", "cache_responses", "default_max_tokens", "extra_spend_tag_headers",
                    "global_disable_no_log_param"));

    static final Section GENERAL = new Section(
            Set.of("master_key", "max_request_size_mb"),
            Set.of("completion_model", "store_prompts_in_spend_logs", "forward_client_headers_to_llm_api", "disable_spend_logs",
                    "disable_spend_updates", "disable_master_key_return", "disable_retry_on_max_parallel_request_limit_error",
                    "disable_reset_budget", "disable_adding_master_key_hash_to_db", "disable_responses_id_security", "enable_jwt_auth",
                    "enforce_user_param", "reject_clientside_metadata_tags", "allowed_routes", "key_management_system",
                    "maximum_spend_logs_retention_period", "maximum_spend_logs_retention_interval", "user_mcp_management_mode",
                    "database_url", "database_connection_pool_limit", "database_connection_timeout", "allow_requests_on_db_unavailable",
                    "custom_auth", "max_parallel_requests", "global_max_parallel_requests", "infer_model_from_keys",
                    "background_health_checks", "health_check_interval", "health_check_details", "alerting", "alerting_threshold",
                    "alerting_args", "alert_types", "alert_to_webhook_url", "use_client_credentials_pass_through_routes", "public_routes",
                    "admin_only_routes", "enforced_params", "enable_oauth2_auth", "enable_oauth2_proxy_auth", "oauth2_config_mappings",
                    "use_x_forwarded_for", "service_account_settings", "image_generation_model", "embedding_model", "moderation_model",
                    "store_model_in_db", "supported_db_objects", "max_response_size_mb", "proxy_budget_rescheduler_min_time",
                    "proxy_budget_rescheduler_max_time", "proxy_batch_write_at", "proxy_batch_polling_interval", "custom_key_generate",
                    "allowed_ips", "default_team_disabled", "key_management_settings", "allow_user_auth", "user_api_key_cache_ttl",
                    "disable_prisma_schema_update", "litellm_key_header_name", "custom_sso", "allow_client_side_credentials",
                    "use_azure_key_vault", "use_google_kms", "spend_report_frequency", "ui_access_mode", "litellm_jwtauth",
                    "litellm_license", "pass_through_endpoints", "forward_openai_org_id", "otel"));

    private KnownKeys() {}

    /**
     * Adds one warning per key of {@code values} that Junction does not read, and remembers the key's path in
     * {@code ignoredPaths}.
     */
    static void check(Section section, String path, Map<String, Object> values, List<String> warnings, Set<String> ignoredPaths)
    {
        for (String key : values.keySet()) {
            if (section.supported().contains(key)) {
                continue;
            }
            String keyPath = KeyPaths.child(path, key);
            ignoredPaths.add(keyPath);
            if (section.litellmOnly().contains(key)) {
                warnings.add(keyPath + " is not supported yet and is ignored");
            }
            else {
                warnings.add(keyPath + " is an unknown key (typo?) and is ignored" + suggestion(section, key));
            }
        }
    }

    private static String suggestion(Section section, String key)
    {
        SortedSet<String> candidates = new TreeSet<>(section.supported());
        candidates.addAll(section.litellmOnly());
        String nearest = null;
        int nearestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(key, candidate);
            if (distance < nearestDistance) {
                nearest = candidate;
                nearestDistance = distance;
            }
        }
        boolean close = nearestDistance <= Math.max(1, Math.min(3, key.length() / 4));
        return close ? "; did you mean " + nearest + "?" : "";
    }

    private static int editDistance(String a, String b)
    {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * @param supported the keys Junction reads
     * @param litellmOnly keys LiteLLM documents for this section that Junction does not read (yet)
     */
    record Section(Set<String> supported, Set<String> litellmOnly) {}
}
