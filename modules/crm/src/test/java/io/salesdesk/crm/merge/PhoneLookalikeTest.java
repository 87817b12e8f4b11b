package io.salesdesk.crm.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneLookalikeTest {

    @Test
    void oneCompanyEnteredTwiceWithTheSamePhoneIsALikelyDuplicate() {
        assertThat(PhoneLookalike.alike("杭州某某有限公司", "杭州某某医疗有限公司")).isTrue();
        assertThat(PhoneLookalike.alike("上海瑞康医疗器械（集团）有限公司", "上海瑞康医疗器械")).isTrue();
    }

    @Test
    void branchesOfOneGroupSharingTheSwitchboardAreNot() {
        assertThat(PhoneLookalike.alike("苏州康华医院", "苏州康华医院东区分院")).isFalse();
        assertThat(PhoneLookalike.alike("瑞康集团苏州分公司", "瑞康集团无锡分公司")).isFalse();
        assertThat(PhoneLookalike.alike("苏州康华医院", "苏州康华医院（新区院区）")).isFalse();
    }

    @Test
    void differentCompaniesOrTooShortANameAreNot() {
        assertThat(PhoneLookalike.alike("苏州康华医院", "无锡人民医院")).isFalse();
        assertThat(PhoneLookalike.alike("康华有限公司", "康华医疗有限公司")).as("a two-character core says too little")
                .isFalse();
    }

    @Test
    void thePhoneIsComparedInItsCanonicalForm() {
        assertThat(PhoneLookalike.phoneKey("0571 8888 6666")).isEqualTo(PhoneLookalike.phoneKey("0571-88886666"));
        assertThat(PhoneLookalike.phoneKey("不详")).isNull();
    }
}
