package io.salesdesk.studio.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The follow-up actions a sales note names, in Chinese and English: "发送报价", "安排演示", "回访",
 * "send the quote", "schedule a demo". Verb phrases only, so "报价太高" (a remark about the price)
 * is not taken for a promise to send one.
 */
final class ActionPhrases {

    /** One action phrase in the text. */
    record Found(int start, int end, TodoAction action) {
    }

    private record Phrase(Pattern pattern, TodoAction action) {
    }

    // Order matters only among phrases of equal length at the same place: the first listed wins.
    private static final List<Phrase> PHRASES = List.of(
            zh("(?:发送?|提交|出|准备|给出?|更新|补)(?:一?[份个版])?(?:新的?|最新的?|正式的?)?(?:报价单?|报价方案)|重新报价|报个价", TodoAction.SEND_QUOTE),
            zh("(?:安排|约|预约|做|进行|组织)(?:一?[次个场])?(?:产品|技术|现场|线上|设备|上门)?演示|(?:产品|技术|现场|上门)演示", TodoAction.DEMO),
            zh("回访", TodoAction.REVISIT),
            zh("(?:上门)?拜访|上门(?:沟通|交流)?|登门", TodoAction.VISIT),
            zh("(?:(?:打|回|去)(?:一?个)?电话|致电)(?:确认|沟通|联系|跟进)?|电话(?:跟进|沟通|联系|确认)", TodoAction.CALL),
            zh("(?:发送?|寄出?|提供|补发|整理)(?:一下|一份|一些|些)?(?:产品|技术|公司|案例)?(?:资料|样本|彩页|方案|材料|样品|说明书|参数表?)", TodoAction.SEND_MATERIALS),
            zh("(?:签|签订|签署|走|推进|确认)(?:一下)?(?:采购)?(?:合同|协议)|合同(?:盖章|审批|签字)", TodoAction.CONTRACT),
            zh("催(?:收)?(?:一下)?(?:尾?款|回款|付款|货款)|跟进(?:回款|付款|尾款)|催款", TodoAction.COLLECT_PAYMENT),
            zh("(?:安排|申请|开通|开始)(?:设备|产品)?试用", TodoAction.TRIAL),
            zh("(?:安排|组织|做)(?:一次|一场)?(?:操作|使用|产品)?培训", TodoAction.TRAINING),
            zh("(?:准备|参加|递交|提交)(?:投标|标书)|投标", TodoAction.BID),
            zh("(?:再|继续)?(?:联系|跟进)|再(?:沟通|确认)", TodoAction.FOLLOW_UP),
            en("send (?:over )?(?:a |the |our |an updated |the updated |a new |the revised )?(?:quote|quotation|proposal|pricing|price list|offer)", TodoAction.SEND_QUOTE),
            en("(?:schedule|arrange|set up|book|organi[sz]e|give|do|run) (?:a |the |an )?(?:product |technical |on-site |onsite |online |live )?demo(?:nstration)?", TodoAction.DEMO),
            en("(?:pay (?:them |him |her )?a )?visit|(?:go|drop) (?:by|over)|meet (?:them|him|her) on site", TodoAction.VISIT),
            en("call (?:them|him|her|back|the customer|the client)|give (?:them|him|her) a call|phone (?:them|him|her)|ring (?:them|him|her)", TodoAction.CALL),
            en("send (?:over )?(?:the |some |our )?(?:materials|brochures?|samples?|deck|slides|documents|docs|datasheets?|specs?|case stud(?:y|ies))", TodoAction.SEND_MATERIALS),
            en("sign (?:the )?(?:contract|agreement)|get (?:the )?(?:contract|agreement) signed", TodoAction.CONTRACT),
            en("(?:chase|collect|follow up on) (?:the )?(?:payment|invoice|balance)", TodoAction.COLLECT_PAYMENT),
            en("(?:set up|arrange|start) (?:a |the )?trial", TodoAction.TRIAL),
            en("(?:arrange|run|give|schedule) (?:a |the )?training", TodoAction.TRAINING),
            en("(?:prepare|submit) (?:the |our |a )?(?:bid|tender)", TodoAction.BID),
            en("follow[- ]?up|check in|get back to (?:them|him|her)|touch base", TodoAction.FOLLOW_UP));

    private ActionPhrases() {
    }

    private static Phrase zh(String regex, TodoAction action) {
        return new Phrase(Pattern.compile(regex), action);
    }

    private static Phrase en(String regex, TodoAction action) {
        return new Phrase(Pattern.compile("\\b(?:" + regex + ")\\b", Pattern.CASE_INSENSITIVE), action);
    }

    /** The action phrases in {@code text}, in order, none overlapping (the longer wins). */
    static List<Found> find(String text) {
        List<Found> all = new ArrayList<>();
        for (Phrase phrase : PHRASES) {
            Matcher m = phrase.pattern().matcher(text);
            while (m.find()) {
                all.add(new Found(m.start(), m.end(), phrase.action()));
            }
        }
        all.sort(Comparator.comparingInt((Found f) -> f.end() - f.start()).reversed());
        List<Found> kept = new ArrayList<>();
        for (Found f : all) {
            if (kept.stream().noneMatch(k -> f.start() < k.end() && k.start() < f.end())) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(Found::start));
        return kept;
    }
}
