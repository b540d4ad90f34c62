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
                        Вход — HTTP Basic учётной записью РСОКО; каждый видит только свою область доступа \
                        (регион, муниципалитет со школами, школу): чужое отвечает 404. \
                        Ошибки — application/problem+json с пояснением на русском в поле detail."""))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
