package io.camelwechat.component.wechat.internal.support;

import java.lang.reflect.Field;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 */
public final class SanitizeKeywords {

    /** Camel quotes each word of its pattern as {@code \Qword\E}. */
    private static final Pattern QUOTED_WORD = Pattern.compile("\\\\Q(.*?)\\\\E");

    private SanitizeKeywords() {
    }

    /** Makes Camel mask URI options whose names contain one of the words (lower case), keeping the others'. */
    public static void add(List<String> words) {
        synchronized (URISupport.class) { // the lock URISupport.addSanitizeKeywords takes: nobody adds meanwhile
            Set<String> all = new LinkedHashSet<>(addedSoFar());
            if (all.containsAll(words)) {
                return;
            }
            all.addAll(words);
            URISupport.addSanitizeKeywords(String.join(",", all));
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
