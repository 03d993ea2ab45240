package io.glint.nlu.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A compiled template. Syntax: words, {@code [optional words]}, {@code (one|or|other)}, {@code {slot}}, and
 * {@code light[s]} for a word with an optional English suffix. Han text is matched character by character, so
 * {@code 把{room}的灯关掉} needs no spaces.
 *
 * <p>Why not java.util.regex: a slot's span is only acceptable if its words resolve (a room the registry knows,
 * a number), and that has to be decided while backtracking, which a regex cannot call out for. The grammar is
 * four constructs, so a small recursive-descent parser and a backtracking matcher are the simplest honest tool.
 */
public final class Template {
    /** Longest span a slot may take, in tokens (free text slots excepted). */
    static final int MAX_SLOT_TOKENS = 8;

    sealed interface Node permits Lit, SlotRef, Seq, Alt {
    }

    record Lit(String token) implements Node {
    }

    record SlotRef(String name, String type) implements Node {
    }

    record Seq(List<Node> items) implements Node {
    }

    record Alt(List<Node> options) implements Node {
    }

    private final String source;
    private final Node root;
    private final List<Set<String>> clauses;
    private final int minTokens;

    private Template(String source, Node root) {
        this.source = source;
        this.root = root;
        this.clauses = List.copyOf(clauses(root));
        this.minTokens = minTokens(root);
    }

    public String source() {
        return source;
    }

    Node root() {
        return root;
    }

    /**
     * What every match must contain, as clauses: at least one token of each set ({@code light[s]} gives
     * {light, lights}). A cheap filter before matching, and the key under which the template is indexed.
     */
    public List<Set<String>> clauses() {
        return clauses;
    }

    /** Whether the utterance has a token of every clause: a necessary condition for a match. */
    public boolean mayMatch(Set<String> tokenSet) {
        for (Set<String> clause : clauses) {
            boolean any = false;
            for (String t : clause) {
                if (tokenSet.contains(t)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    public static Template compile(String text, Map<String, String> slotTypes) {
        Parser p = new Parser(text, slotTypes);
        Node root = p.parseAlt('\0');
        if (p.pos < text.length()) {
            throw new TemplateSyntaxException(text, "unexpected '" + text.charAt(p.pos) + "' at position " + p.pos);
        }
        if (minTokens(root) == 0) {
            throw new TemplateSyntaxException(text, "matches the empty utterance; it needs at least one word");
        }
        return new Template(text, root);
    }

    /** Resolves a span of tokens as a slot value; null when the span cannot be that slot. */
    public interface SlotResolver {
        Resolution resolve(String type, List<String> tokens, int from, int to);
    }

    /** One slot's value; {@code resolved} false for a device name the registry does not know (yet) . */
    public record Resolution(String value, List<String> candidates, boolean resolved, int specificity) {
    }

    public record SlotMatch(String name, String type, String raw, Resolution resolution) {
    }

    /** A successful match and how good it is: fewer unresolved slots, then more literal words, win. */
    public record Match(Map<String, SlotMatch> slots, int literals, int unresolved, int specificity) {
        public boolean betterThan(Match o) {
            if (unresolved != o.unresolved) {
                return unresolved < o.unresolved;
            }
            if (literals != o.literals) {
                return literals > o.literals;
            }
            return specificity > o.specificity;
        }
    }

    /** Matches the whole token list, or returns null. */
    public Match match(List<String> tokens, Set<String> tokenSet, SlotResolver resolver) {
        if (tokens.size() < minTokens || !mayMatch(tokenSet)) {
            return null;
        }
        State st = new State(tokens, resolver);
        if (st.match(root, 0, end -> end == tokens.size())) {
            Map<String, SlotMatch> slots = new LinkedHashMap<>();
            int unresolved = 0;
            int specificity = 0;
            for (SlotMatch s : st.bound) {
                slots.put(s.name(), s);
                if (!s.resolution().resolved()) {
                    unresolved++;
                }
                specificity += s.resolution().specificity();
            }
            return new Match(slots, st.literals, unresolved, specificity);
        }
        return null;
    }

    private static final class State {
        final List<String> tokens;
        final SlotResolver resolver;
        final List<SlotMatch> bound = new ArrayList<>();
        int literals;

        State(List<String> tokens, SlotResolver resolver) {
            this.tokens = tokens;
            this.resolver = resolver;
        }

        boolean match(Node n, int pos, IntPredicate k) {
            if (n instanceof Lit lit) {
                if (pos < tokens.size() && tokens.get(pos).equals(lit.token())) {
                    literals++;
                    if (k.test(pos + 1)) {
                        return true;
                    }
                    literals--;
                }
                return false;
            }
            if (n instanceof Seq seq) {
                return matchSeq(seq.items(), 0, pos, k);
            }
            if (n instanceof Alt alt) {
                for (Node option : alt.options()) {
                    if (match(option, pos, k)) {
                        return true;
                    }
                }
                return false;
            }
            SlotRef slot = (SlotRef) n;
            int maxEnd = SlotTypes.isFreeText(slot.type()) ? tokens.size()
                    : Math.min(tokens.size(), pos + Math.max(MAX_SLOT_TOKENS, SlotTypes.maxTokens(slot.type())));
            // a time or duration takes as many words as it can: "tomorrow at 5" is one time, not "tomorrow" + text
            boolean longest = SlotTypes.prefersLongest(slot.type());
            for (int i = pos + 1; i <= maxEnd; i++) {
                int end = longest ? maxEnd + pos + 1 - i : i;
                Resolution r = resolver.resolve(slot.type(), tokens, pos, end);
                if (r != null) {
                    bound.add(new SlotMatch(slot.name(), slot.type(), Text.join(tokens, pos, end), r));
                    if (k.test(end)) {
                        return true;
                    }
                    bound.remove(bound.size() - 1);
                }
            }
            return false;
        }

        private boolean matchSeq(List<Node> items, int i, int pos, IntPredicate k) {
            if (i == items.size()) {
                return k.test(pos);
            }
            return match(items.get(i), pos, next -> matchSeq(items, i + 1, next, k));
        }
    }

    private static List<Set<String>> clauses(Node n) {
        if (n instanceof Lit lit) {
            return List.of(Set.of(lit.token()));
        }
        if (n instanceof Seq seq) {
            List<Set<String>> all = new ArrayList<>();
            seq.items().forEach(i -> all.addAll(clauses(i)));
            return all;
        }
        if (n instanceof Alt alt) {
            // whichever option matched, its own clauses hold: so one of the options' tokens is present
            Set<String> any = new HashSet<>();
            for (Node o : alt.options()) {
                List<Set<String>> c = clauses(o);
                if (c.isEmpty()) {
                    return List.of(); // an option that needs no word (optional part, bare slot)
                }
                any.addAll(c.stream().min(java.util.Comparator.comparingInt(Set::size)).orElseThrow());
            }
            return List.of(Set.copyOf(any));
        }
        return List.of();
    }

    private static int minTokens(Node n) {
        if (n instanceof Lit || n instanceof SlotRef) {
            return 1;
        }
        if (n instanceof Seq seq) {
            return seq.items().stream().mapToInt(Template::minTokens).sum();
        }
        return ((Alt) n).options().stream().mapToInt(Template::minTokens).min().orElse(0);
    }

    private static final class Parser {
        final String text;
        final Map<String, String> slotTypes;
        final Set<String> used = new HashSet<>();
        int pos;

        Parser(String text, Map<String, String> slotTypes) {
            this.text = text;
            this.slotTypes = slotTypes;
        }

        /** The words of a group of single English words, or null. */
        private static List<String> words(Node n) {
            List<String> out = new ArrayList<>();
            for (Node o : n instanceof Alt alt ? alt.options() : List.of(n)) {
                Node one = o instanceof Seq seq && seq.items().size() == 1 ? seq.items().get(0) : o;
                if (!(one instanceof Lit lit) || !lit.token().chars().allMatch(Parser::isAsciiLetter)) {
                    return null;
                }
                out.add(lit.token());
            }
            return out;
        }

        Node parseAlt(char close) {
            List<Node> options = new ArrayList<>();
            options.add(parseSeq());
            while (pos < text.length() && text.charAt(pos) == '|') {
                pos++;
                options.add(parseSeq());
            }
            if (close != '\0') {
                if (pos >= text.length() || text.charAt(pos) != close) {
                    throw new TemplateSyntaxException(text, "missing '" + close + "'");
                }
                pos++;
            }
            return options.size() == 1 ? options.get(0) : new Alt(options);
        }

        Seq parseSeq() {
            List<Node> items = new ArrayList<>();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == ')' || c == ']' || c == '|') {
                    break;
                } else if (c == '[') {
                    boolean suffix = pos > 0 && isAsciiLetter(text.charAt(pos - 1)) && !items.isEmpty()
                            && items.get(items.size() - 1) instanceof Lit;
                    int start = ++pos;
                    Node inner = parseAlt(']');
                    String content = text.substring(start, pos - 1);
                    List<String> group = start >= 2 && text.charAt(start - 2) == ')' && !items.isEmpty()
                            ? words(items.get(items.size() - 1)) : null;
                    if (suffix && content.chars().allMatch(Parser::isAsciiLetter)) {
                        Lit word = (Lit) items.remove(items.size() - 1);
                        items.add(new Alt(List.of(new Lit(word.token() + content), word)));
                    } else if (group != null && !content.isEmpty()
                            && content.chars().allMatch(Parser::isAsciiLetter)) {
                        // "(reminder|event)[s]": the suffix goes on every word of the group
                        items.remove(items.size() - 1);
                        List<Node> options = new ArrayList<>();
                        for (String w : group) {
                            options.add(new Lit(w + content));
                            options.add(new Lit(w));
                        }
                        items.add(new Alt(options));
                    } else {
                        items.add(new Alt(List.of(inner, new Seq(List.of()))));
                    }
                } else if (c == '(') {
                    pos++;
                    items.add(parseAlt(')'));
                } else if (c == '{') {
                    int close = text.indexOf('}', pos);
                    if (close < 0) {
                        throw new TemplateSyntaxException(text, "missing '}'");
                    }
                    String name = text.substring(pos + 1, close).trim();
                    String type = slotTypes.get(name);
                    if (type == null) {
                        throw new TemplateSyntaxException(text, "slot {" + name + "} is not declared in the intent's "
                                + "\"slots\" " + slotTypes.keySet());
                    }
                    if (!used.add(name)) {
                        throw new TemplateSyntaxException(text, "slot {" + name + "} appears twice");
                    }
                    items.add(new SlotRef(name, type));
                    pos = close + 1;
                } else if (c == '}') {
                    throw new TemplateSyntaxException(text, "'}' without '{'");
                } else {
                    int start = pos;
                    while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
                            && "[](){}|".indexOf(text.charAt(pos)) < 0) {
                        pos++;
                    }
                    for (String token : Text.tokens(text.substring(start, pos))) {
                        items.add(new Lit(token));
                    }
                }
            }
            return new Seq(items);
        }

        static boolean isAsciiLetter(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }
}
