package ru.rsoko.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.account.domain.ApiTokenView;
import ru.rsoko.account.domain.ApiTokens;
import ru.rsoko.account.domain.IssuedToken;
import ru.rsoko.account.domain.TokenState;
import ru.rsoko.platform.web.Formats;

import java.time.Instant;
import java.util.List;

/** The caller's own personal access tokens: made, listed and revoked through the API as on the profile page. */
@RestController
@Tag(name = "Пользователь")
class TokenApiController {

    record NewToken(@Schema(description = "Для чего токен, например «Выгрузка в 1С»", example = "Выгрузка в 1С")
                    @Nullable String name,
                    @Schema(description = "Необязательно. Дата (токен действует по этот день включительно, по времени "
                            + "региона) или дата и время ISO 8601", example = "2026-12-31")
                    @Nullable String expiresAt) {
    }

    record Created(long id, String name,
                   @Schema(description = "Сам токен: показывается только в этом ответе, сохраните его сейчас")
                   String token,
                   @Nullable Instant expiresAt) {
    }

    record TokenJson(long id, String name,
                     @Schema(description = "Начало токена, чтобы узнать его в списке", example = "rsoko_AbCd")
                     String hint,
                     Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant lastUsedAt,
                     @Nullable Instant revokedAt, @Nullable String revokedBy, TokenState state, boolean active) {

        static TokenJson of(ApiTokenView token) {
            return new TokenJson(token.id(), token.name(), token.hint(), token.createdAt(), token.expiresAt(),
                    token.lastUsedAt(), token.revokedAt(), token.revokedBy(), token.state(),
                    token.state() == TokenState.ACTIVE);
        }
    }

    private final ApiTokens tokens;
    private final Formats formats;

    TokenApiController(ApiTokens tokens, Formats formats) {
        this.tokens = tokens;
        this.formats = formats;
    }

    @PostMapping("/api/v1/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Создать токен доступа к API",
            description = "Токен открывает API от вашего имени, с вашей ролью и областью доступа: "
                    + "`Authorization: Bearer rsoko_…`. Сам токен возвращается только в этом ответе; хранится лишь его хеш.")
    @ApiResponse(responseCode = "201", description = "Токен создан")
    Created create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewToken body) {
        IssuedToken issued = tokens.create(user, body.name(), ApiTokens.expiry(body.expiresAt(), formats.zone()));
        return new Created(issued.id(), issued.name(), issued.token(), issued.expiresAt());
    }

    @GetMapping("/api/v1/me/tokens")
    @Operation(summary = "Мои токены доступа к API",
            description = "Все токены, новые первыми, с состоянием: действует, срок истёк или отозван. Сами токены и их хеши не показываются.")
    List<TokenJson> list(@AuthenticationPrincipal CurrentUser user) {
        return tokens.mine(user).stream().map(TokenJson::of).toList();
    }

    @DeleteMapping("/api/v1/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Отозвать токен доступа к API", description = "Токен перестаёт действовать сразу. Чужой токен — 404.")
    @ApiResponse(responseCode = "204", description = "Токен отозван")
    void revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        tokens.revokeOwn(user, id);
    }
}
