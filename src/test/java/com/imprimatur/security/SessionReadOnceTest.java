package com.imprimatur.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

class SessionReadOnceTest {

    @Test
    void readsTheEndedMarkUnderTheNameSpringSessionWritesIt() throws Exception {
        Field ended = Class.forName("org.springframework.session.security.SpringSessionBackedSessionInformation")
                .getDeclaredField("EXPIRED_ATTR");
        ended.setAccessible(true);
        assertThat(SessionReadOnce.ENDED).isEqualTo(ended.get(null));
    }
}
