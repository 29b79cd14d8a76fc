package com.imprimatur.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * What a session's attributes are read back as, with the security context's object kept: each read
 * still gets what its bytes say, and nothing one request changes reaches another.
 */
class SessionAttributesTest {

    private final SessionAttributes reader = SessionAttributes.reader(getClass().getClassLoader());
    private final SerializingConverter writer = new SerializingConverter();

    @Test
    void eachReadOfAContextGetsAContextAndAnAuthenticationOfItsOwn() {
        byte[] bytes = write(context("editor", "ROLE_EDITOR"));
        SecurityContext first = (SecurityContext) read(bytes);
        SecurityContext second = (SecurityContext) read(bytes);
        assertThat(first).isNotSameAs(second).isExactlyInstanceOf(SecurityContextImpl.class);
        assertThat(first.getAuthentication()).isNotSameAs(second.getAuthentication())
                .isExactlyInstanceOf(UsernamePasswordAuthenticationToken.class);
        assertThat(first.getAuthentication().getPrincipal()).isSameAs(second.getAuthentication().getPrincipal()); // kept, not read again
        assertThat(first.getAuthentication().isAuthenticated()).isTrue();
        assertThat(first.getAuthentication().getName()).isEqualTo("editor");
        assertThat(first.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_EDITOR");
        assertThat(first.getAuthentication().getDetails()).isEqualTo("login details");
        // what one request changes stays its own: its authentication's flag and details, its context (logging out)
        ((UsernamePasswordAuthenticationToken) first.getAuthentication()).setDetails("changed");
        first.getAuthentication().setAuthenticated(false);
        first.setAuthentication(null);
        Authentication next = ((SecurityContext) read(bytes)).getAuthentication();
        assertThat(next.getName()).isEqualTo("editor");
        assertThat(next.isAuthenticated()).isTrue();
        assertThat(next.getDetails()).isEqualTo("login details");
    }

    @Test
    void twoContextsWhoseBytesHashAlikeAreEachReadAsWritten() {
        // "Aa" and "BB" hash alike (65 * 31 + 97 == 66 * 31 + 66) at the same place: a store keyed by the hash would mix them up
        byte[] one = write(context("userAa", "ROLE_WRITER"));
        byte[] other = write(context("userBB", "ROLE_WRITER"));
        assertThat(Arrays.hashCode(one)).isEqualTo(Arrays.hashCode(other));
        assertThat(one).isNotEqualTo(other);
        for (int again = 0; again < 2; again++) {
            assertThat(((SecurityContext) read(one)).getAuthentication().getName()).isEqualTo("userAa");
            assertThat(((SecurityContext) read(other)).getAuthentication().getName()).isEqualTo("userBB");
        }
    }

    @Test
    void bytesThatDifferAnywhereAreReadAsWhatTheySay() {
        // two users whose bytes differ in one letter of the name, and one whose roles differ
        List<byte[]> all = List.of(write(context("writer1", "ROLE_WRITER")), write(context("writer2", "ROLE_WRITER")),
                write(context("writer1", "ROLE_ADMIN")));
        for (int again = 0; again < 2; again++) {
            assertThat(((SecurityContext) read(all.get(0))).getAuthentication().getName()).isEqualTo("writer1");
            assertThat(((SecurityContext) read(all.get(1))).getAuthentication().getName()).isEqualTo("writer2");
            assertThat(((SecurityContext) read(all.get(2))).getAuthentication().getAuthorities()).extracting(Object::toString)
                    .containsExactly("ROLE_ADMIN");
            assertThat(((SecurityContext) read(all.get(0))).getAuthentication().getAuthorities()).extracting(Object::toString)
                    .containsExactly("ROLE_WRITER");
        }
        // more contexts than are kept, each read twice: the store starts again on the way, every answer stays right
        for (int i = 0; i < SessionAttributes.KEPT_MAX + 20; i++) {
            byte[] bytes = write(context("user" + i, "ROLE_WRITER"));
            assertThat(((SecurityContext) read(bytes)).getAuthentication().getName()).isEqualTo("user" + i);
            assertThat(((SecurityContext) read(bytes.clone())).getAuthentication().getName()).isEqualTo("user" + i);
        }
        assertThat(reader.keptCount()).isPositive().isLessThanOrEqualTo(SessionAttributes.KEPT_MAX);
    }

    @Test
    void anyOtherAttributeIsReadAfresh() {
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        byte[] bytes = write(list);
        @SuppressWarnings("unchecked")
        List<String> first = (List<String>) read(bytes);
        first.add("changed by one request");
        assertThat(read(bytes)).isEqualTo(List.of("a"));
        DefaultCsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret-value");
        byte[] tokenBytes = write(token);
        DefaultCsrfToken back = (DefaultCsrfToken) read(tokenBytes);
        assertThat(back.getToken()).isEqualTo("secret-value");
        assertThat(read(tokenBytes)).isNotSameAs(back); // read afresh, as any attribute but a login's context
        // an empty context (no authentication) is read as written, not kept
        SecurityContext empty = (SecurityContext) read(write(new SecurityContextImpl()));
        assertThat(empty.getAuthentication()).isNull();
    }

    private static SecurityContext context(String name, String role) {
        var authorities = List.of(new SimpleGrantedAuthority(role));
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                User.withUsername(name).password("").authorities(authorities).build(), null, authorities);
        authentication.setDetails("login details");
        return new SecurityContextImpl(authentication);
    }

    private byte[] write(Object attribute) {
        return writer.convert(attribute);
    }

    private Object read(byte[] bytes) {
        return reader.convert(bytes);
    }
}
