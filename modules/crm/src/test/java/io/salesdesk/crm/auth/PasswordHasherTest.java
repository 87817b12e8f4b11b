package io.salesdesk.crm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Cost.FAST_FOR_TESTS);

    @Test
    void aHashCarriesItsAlgorithmParametersAndSaltAndMatchesOnlyItsPassword() {
        String hash = hasher.hash("销售123密码".toCharArray());

        assertThat(hash).startsWith("$argon2id$v=19$m=8,t=1,p=1$");
        assertThat(hasher.verify("销售123密码".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("销售123密吗".toCharArray(), hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("salesdesk".toCharArray())).isNotEqualTo(hasher.hash("salesdesk".toCharArray()));
    }

    @Test
    void aHashKeepsWorkingWhenTheCostIsRaisedLater() {
        String old = hasher.hash("salesdesk".toCharArray());

        PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Cost(64, 2, 1));

        assertThat(stronger.verify("salesdesk".toCharArray(), old)).isTrue();
    }

    @Test
    void aMissingOrBrokenHashMatchesNothing() {
        assertThat(hasher.verify("salesdesk".toCharArray(), null)).isFalse();
        assertThat(hasher.verify("salesdesk".toCharArray(), "plain text")).isFalse();
    }
}
