package org.ordersystem.user;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PasswordPolicyTests {

    @Test
    void acceptsAPasswordThatKeepsEveryRule() {
        assertThatCode(() -> PasswordPolicy.check("Str0ng-Passw0rd!")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("Aa1!aaaa")).doesNotThrowAnyException();
    }

    @Test
    void namesTheRuleThatFailed() {
        assertThat(refusal("Aa1!aaa")).contains("at least 8 bytes");
        assertThat(refusal("str0ng-passw0rd!")).contains("upper-case letter");
        assertThat(refusal("STR0NG-PASSW0RD!")).contains("lower-case letter");
        assertThat(refusal("Strong-Password!")).contains("digit");
        assertThat(refusal("Str0ngPassw0rd")).contains("neither a letter nor a digit");
        assertThat(refusal("")).contains("at least 8 bytes");
        assertThat(refusal(null)).contains("at least 8 bytes");
    }

    @Test
    void countsLengthInUtf8BytesUpToBcryptsLimitOf72() {
        String exactly72 = "Aa1!" + "x".repeat(68);
        String bytes73 = exactly72 + "y";
        String multiByte = "Aa1!" + "é".repeat(34) + "z";

        assertThatCode(() -> PasswordPolicy.check(exactly72)).doesNotThrowAnyException();
        assertThat(refusal(bytes73)).contains("at most 72 bytes");
        assertThat(multiByte.length()).isLessThan(72);
        assertThat(refusal(multiByte)).contains("at most 72 bytes");
        assertThat(refusal("Éé1!")).contains("at least 8 bytes");
        assertThatCode(() -> PasswordPolicy.check("Éé1!Éé1!")).doesNotThrowAnyException();
    }

    private static String refusal(String password) {
        WeakPassword refused = catchThrowableOfType(WeakPassword.class, () -> PasswordPolicy.check(password));
        assertThat(refused.code()).isEqualTo(UserErrorCode.WEAK_PASSWORD);
        return refused.getMessage();
    }
}
