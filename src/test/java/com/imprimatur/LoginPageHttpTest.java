package com.imprimatur;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.Api;
import com.imprimatur.support.IntegrationTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Pages ask for a login; the login page carries a CSRF token. */
class LoginPageHttpTest extends IntegrationTest {

    @Test
    void pagesRedirectToALoginPageWithACsrfToken() {
        Api api = api();
        Api.Answer home = api.send(null, HttpRequest.newBuilder(api.uri("/")));
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.header("Location")).endsWith("/login");
        Api.Answer login = api.send(null, HttpRequest.newBuilder(api.uri("/login")));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text()).contains("name=\"_csrf\"", "name=\"username\"", "name=\"password\"");
    }
}
