package io.salesdesk.crm.merge;

import io.salesdesk.core.CompanyName;
import io.salesdesk.core.PhoneNumber;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The phone as a duplicate signal, weaker than the credit code or the name: two customers are
 * likely one company when they have the same phone <em>and</em> alike names (one name, without its
 * legal form, holds the other, e.g. 杭州某某有限公司 and 杭州某某医疗有限公司). Branches of one group
 * or hospital often share the head office's switchboard, so a name that names a branch (分公司, 分院,
 * 院区, 办事处...) is never matched by phone: those are separate customers on purpose.
 */
public final class PhoneLookalike {

    private static final Pattern BRANCH = Pattern.compile("分公司|分院|院区|分店|分部|办事处|分中心|营业部|分行|支行|门店|分厂");
    // Longest first, so that 有限责任公司 is taken off whole.
    private static final List<String> LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "有限公司", "股份公司", "公司");
    /** A shorter core than this (two or three characters) says too little to call two companies alike. */
    private static final int MIN_CORE = 4;

    private PhoneLookalike() {
    }

    /** The phone as compared: its canonical form, or null for none or one that is not a phone number. */
    public static String phoneKey(String phone) {
        return PhoneNumber.normalise(phone).orElse(null);
    }

    /** Whether two customers with the same phone are named alike enough to be shown as a likely duplicate. */
    public static boolean alike(String name, String otherName) {
        String a = CompanyName.normalise(name);
        String b = CompanyName.normalise(otherName);
        if (a == null || b == null || BRANCH.matcher(a).find() || BRANCH.matcher(b).find()) {
            return false;
        }
        String coreA = core(a);
        String coreB = core(b);
        boolean aShorter = coreA.length() <= coreB.length();
        String shorter = aShorter ? coreA : coreB;
        String longer = aShorter ? coreB : coreA;
        return shorter.length() >= MIN_CORE && longer.contains(shorter);
    }

    private static String core(String normalised) {
        for (String form : LEGAL_FORMS) {
            if (normalised.endsWith(form)) {
                return normalised.substring(0, normalised.length() - form.length());
            }
        }
        return normalised;
    }
}
