package com.imprimatur.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.GenericConversionService;
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

    private final GenericConversionService conversions = SessionAttributes.conversions(getClass().getClassLoader());

    @Test
    void eachReadOfAContextGetsAContextOfItsOwnAroundTheSameAuthentication() {
        byte[] bytes = write(context("editor", "ROLE_EDITOR"));
        SecurityContext first = (SecurityContext) read(bytes);
        SecurityContext second = (SecurityContext) read(bytes);
        assertThat(first).isNotSameAs(second).isExactlyInstanceOf(SecurityContextImpl.class);
        assertThat(first.getAuthentication()).isSameAs(second.getAuthentication());
        assertThat(first.getAuthentication().getName()).isEqualTo("editor");
        assertThat(first.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_EDITOR");
        // logging out clears the request's own context: the next read of the same bytes is still logged in
        first.setAuthentication(null);
        assertThat(((SecurityContext) read(bytes)).getAuthentication().getName()).isEqualTo("editor");
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
    }

    @Test
    void anAttributeThatCanChangeIsReadAfreshAndACsrfTokenAsWritten() {
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        byte[] bytes = write(list);
        @SuppressWarnings("unchecked")
        List<String> first = (List<String>) read(bytes);
        first.add("changed by one request");
        assertThat(read(bytes)).isEqualTo(List.of("a"));
        DefaultCsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret-value");
        DefaultCsrfToken back = (DefaultCsrfToken) read(write(token));
        assertThat(back.getToken()).isEqualTo("secret-value");
        assertThat(((DefaultCsrfToken) read(write(token))).getHeaderName()).isEqualTo("X-CSRF-TOKEN");
        // an empty context (no authentication) is read as written, not kept
        SecurityContext empty = (SecurityContext) read(write(new SecurityContextImpl()));
        assertThat(empty.getAuthentication()).isNull();
    }

    private static SecurityContext context(String name, String role) {
        var authorities = List.of(new SimpleGrantedAuthority(role));
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(
                User.withUsername(name).password("").authorities(authorities).build(), null, authorities);
        return new SecurityContextImpl(authentication);
    }

    private byte[] write(Object attribute) {
        return (byte[]) conversions.convert(attribute, TypeDescriptor.valueOf(Object.class), TypeDescriptor.valueOf(byte[].class));
    }

    private Object read(byte[] bytes) {
        return conversions.convert(bytes, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
    }
}
