package io.camelwechat.component.wechat.internal.support;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.util.URISupport;
import org.slf4j.LoggerFactory;

/**
 * Adds words to Camel's masking of URI options ({@code xxxxxx} for the value of an option whose name contains one)
 * without dropping the words another library added. Camel masks names containing {@code token}, {@code secret}
 * and the like on its own; the verify ticket and the push encodingAesKey contain none. Camel's
 * {@code URISupport.addSanitizeKeywords} replaces the words of every earlier call, so the words already there are
 * read back and passed again with ours.
 *
 * <p>That method arrived in Camel 4.15. On Camel 4.14 there is no way to add words: {@link #add} then logs once, at
 * WARN, that those options' values show in the endpoint URIs Camel prints, and changes nothing.
 */
public final class SanitizeKeywords {

    /** Camel quotes each word of its pattern as {@code \Qword\E}. */
    private static final Pattern QUOTED_WORD = Pattern.compile("\\\\Q(.*?)\\\\E");
    /** {@code URISupport.addSanitizeKeywords(String)}, or null on a Camel before 4.15. */
    private static final Method ADD_SANITIZE_KEYWORDS = addSanitizeKeywordsMethod();
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private SanitizeKeywords() {
    }

    /** Whether this Camel lets a library add words to its URI masking (Camel 4.15 and later). */
    public static boolean supported() {
        return ADD_SANITIZE_KEYWORDS != null;
    }

    /** Makes Camel mask URI options whose names contain one of the words (lower case), keeping the others'. */
    public static void add(List<String> words) {
        if (!supported()) {
            if (WARNED.compareAndSet(false, true)) {
                LoggerFactory.getLogger(SanitizeKeywords.class).warn("This Camel cannot mask more URI options than "
                        + "its own (URISupport.addSanitizeKeywords arrived in Camel 4.15): the values of options whose "
                        + "names contain {} show in the endpoint URIs it logs. Set those options on the component "
                        + "(camel.component.wechat.*) rather than in URIs, or use Camel 4.15 or later.", words);
            }
            return;
        }
        synchronized (URISupport.class) { // the lock URISupport.addSanitizeKeywords takes: nobody adds meanwhile
            Set<String> all = new LinkedHashSet<>(addedSoFar());
            if (all.containsAll(words)) {
                return;
            }
            all.addAll(words);
            try {
                ADD_SANITIZE_KEYWORDS.invoke(null, String.join(",", all));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot add words to Camel's URI masking", e);
            }
        }
    }

    private static Method addSanitizeKeywordsMethod() {
        try {
            return URISupport.class.getMethod("addSanitizeKeywords", String.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The words of earlier calls, read from Camel's compiled pattern; none when Camel keeps them elsewhere. */
    private static Set<String> addedSoFar() {
        Set<String> words = new LinkedHashSet<>();
        try {
            Field extra = URISupport.class.getDeclaredField("EXTRA_SECRETS");
            extra.setAccessible(true);
            Pattern pattern = (Pattern) extra.get(null);
            if (pattern != null) {
                Matcher word = QUOTED_WORD.matcher(pattern.pattern());
                while (word.find()) {
                    words.add(word.group(1));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(SanitizeKeywords.class).debug("Cannot read the words other libraries added to "
                                                                  + "Camel's URI masking ({}); adding ours only",
                    e.toString());
        }
        return words;
    }
}
