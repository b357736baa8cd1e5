package io.junction.tck.kit;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rule numbers out of kit method names: {@code rule_R3_neverSelectsACandidateOutsideTheList} is rule
 * {@code R3}, described as "never selects a candidate outside the list".
 */
public final class RuleIds
{
    private static final Pattern RULE_METHOD = Pattern.compile("rule_([A-Z]+[0-9]+)_(\\w+)");

    private RuleIds() {}

    public static Optional<String> of(Method method)
    {
        return of(method.getName());
    }

    public static Optional<String> of(String methodName)
    {
        Matcher matcher = RULE_METHOD.matcher(methodName);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The method name's description in words: {@code neverSelectsACandidate} becomes "never selects a candidate". */
    public static String description(String methodName)
    {
        Matcher matcher = RULE_METHOD.matcher(methodName);
        String camel = matcher.matches() ? matcher.group(2) : methodName;
        StringBuilder words = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                words.append(' ');
            }
            words.append(Character.toLowerCase(c));
        }
        return words.toString();
    }

    /** Orders rule ids by prefix, then number: R2 before R10. */
    public static int compare(String left, String right)
    {
        String leftPrefix = left.replaceAll("[0-9]", "");
        String rightPrefix = right.replaceAll("[0-9]", "");
        int byPrefix = leftPrefix.compareTo(rightPrefix);
        if (byPrefix != 0) {
            return byPrefix;
        }
        return Integer.compare(number(left), number(right));
    }

    private static int number(String rule)
    {
        String digits = rule.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
