package io.glint.nlu.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sentences a template stands for, as training examples for the embedding matcher: a skill author's templates
 * say a great deal about how people phrase an intent, and the model generalises from them. Each template gives a
 * few sentences, choosing different alternatives, with slots filled by ordinary words of their type; a free-text
 * slot takes the skill's own samples for it, and a template whose free-text slot has none gives no sentence.
 */
final class TemplateSamples {
    /** How many sentences one template contributes. */
    static final int PER_TEMPLATE = 3;

    private TemplateSamples() {
    }

    static List<String> of(Template template, Map<String, String> slotTypes, String lang,
            Map<String, List<String>> samples) {
        List<String> out = new ArrayList<>();
        for (int variant = 0; variant < PER_TEMPLATE; variant++) {
            StringBuilder sb = new StringBuilder();
            if (!render(template.root(), variant, lang, samples, sb)) {
                return List.of();
            }
            String s = sb.toString().replaceAll("\\s+", " ").strip();
            if (!s.isEmpty() && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** False when a free-text slot has no samples. */
    private static boolean render(Template.Node n, int variant, String lang, Map<String, List<String>> samples,
            StringBuilder sb) {
        if (n instanceof Template.Lit lit) {
            append(sb, lit.token(), lang);
        } else if (n instanceof Template.Seq seq) {
            for (Template.Node i : seq.items()) {
                if (!render(i, variant, lang, samples, sb)) {
                    return false;
                }
            }
        } else if (n instanceof Template.Alt alt) {
            return render(alt.options().get(variant % alt.options().size()), variant, lang, samples, sb);
        } else if (n instanceof Template.SlotRef slot) {
            String word;
            if (SlotTypes.isFreeText(slot.type())) {
                List<String> values = samples.get(slot.name());
                if (values == null) {
                    return false;
                }
                word = values.get(variant % values.size());
            } else {
                word = filler(slot.type(), variant, lang);
            }
            append(sb, word, lang);
        }
        return true;
    }

    private static void append(StringBuilder sb, String word, String lang) {
        if (sb.length() > 0 && !"zh".equals(lang)) {
            sb.append(' ');
        }
        sb.append(word);
    }

    private static String filler(String type, int variant, String lang) {
        boolean zh = "zh".equals(lang);
        String[] words;
        switch (SlotTypes.base(type)) {
            case SlotTypes.ROOM:
                words = zh ? new String[] {"客厅", "卧室", "厨房"} : new String[] {"living room", "bedroom", "kitchen"};
                break;
            case SlotTypes.DEVICE:
                words = zh ? new String[] {"台灯", "电视", "空调"} : new String[] {"lamp", "tv", "heater"};
                break;
            case SlotTypes.PERCENT:
                words = zh ? new String[] {"百分之五十", "三十", "百分之八十"} : new String[] {"50 percent", "30", "80 %"};
                break;
            case SlotTypes.TEMPERATURE:
                words = zh ? new String[] {"二十四度", "二十度", "二十六度"} : new String[] {"22 degrees", "20", "24 degrees"};
                break;
            case SlotTypes.NUMBER:
                words = zh ? new String[] {"五", "十", "二"} : new String[] {"five", "10", "two"};
                break;
            case SlotTypes.TIME:
                words = zh ? new String[] {"明天早上七点", "下午三点半", "周五晚上"}
                        : new String[] {"7 am", "tomorrow at half past six", "friday evening"};
                break;
            case SlotTypes.DURATION:
                words = zh ? new String[] {"十分钟", "半小时", "一个半小时"}
                        : new String[] {"10 minutes", "half an hour", "an hour and a half"};
                break;
            case SlotTypes.CONTACT:
                words = zh ? new String[] {"妈妈", "老王", "小李"} : new String[] {"mum", "sarah", "tom"};
                break;
            case SlotTypes.COLOR:
                words = zh ? new String[] {"蓝色", "红色", "绿色"} : new String[] {"blue", "red", "green"};
                break;
            default:
                throw new IllegalArgumentException("no ordinary words for slot type " + type);
        }
        return words[variant % words.length];
    }
}
