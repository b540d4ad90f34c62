package ru.rsoko.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI rsokoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("РСОКО API").version("v1").description("""
                        API региональной системы оценки качества образования для интеграций и проверок.

                        **Вход — токен доступа** (рекомендуется): создайте его в РСОКО в меню пользователя → \
                        «Токены доступа к API» (или `POST /api/v1/me/tokens`) и передавайте в каждом запросе \
                        заголовком `Authorization: Bearer rsoko_…`. Токен показывается один раз; у него может быть \
                        срок действия, его можно отозвать, не меняя пароль. \
                        HTTP Basic (имя пользователя и пароль учётной записи РСОКО) оставлен для совместимости, \
                        но каждый такой запрос проверяет пароль заново и заметно медленнее.

                        Каждый видит только свою область доступа (регион, муниципалитет со школами, школу): \
                        чужое отвечает 404. Ошибки — application/problem+json с пояснением на русском в поле detail; \
                        неверный, истёкший или отозванный токен, как и неверный пароль, — 401."""))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("rsoko_…")
                                .description("Токен доступа к API из меню пользователя «Токены доступа к API»"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Устаревший способ: имя пользователя и пароль, проверяются в каждом запросе")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
