package ru.rsoko.platform.web;

import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import ru.rsoko.platform.file.RefusedFileException;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every error leaves in Russian: as application/problem+json under {@code /api}, as an error page for people.
 * Unknown errors are logged with the request and shown without internals.
 */
@ControllerAdvice
public class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    Object notFound(HttpServletRequest request, Exception e) {
        return respond(request, HttpStatus.NOT_FOUND, "Не найдено",
                "Запрошенный объект не найден или недоступен вам.", Map.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object denied(HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, "Доступ запрещён", "Недостаточно прав для этого действия.", Map.of());
    }

    @ExceptionHandler({ConcurrentEditException.class, ObjectOptimisticLockingFailureException.class,
            OptimisticLockException.class})
    Object concurrentEdit(HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "Конфликт изменений", ConcurrentEditException.MESSAGE, Map.of());
    }

    @ExceptionHandler(RuleViolationException.class)
    Object ruleViolation(HttpServletRequest request, RuleViolationException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        return respond(request, status, "Запрос отклонён", e.getMessage(), e.asFieldErrors());
    }

    /** All-or-nothing input refused: every error with its row and column, nothing written. */
    @ExceptionHandler(ImportRejectedException.class)
    Object rejected(HttpServletRequest request, ImportRejectedException e) {
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setTitle("Запрос отклонён");
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("rowErrors", e.errors());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return respond(request, HttpStatus.BAD_REQUEST, "Запрос отклонён", e.getMessage(), Map.of());
    }

    @ExceptionHandler(BindException.class)
    Object invalid(HttpServletRequest request, BindException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.getFieldErrors()) {
            // a date that is no date says how to write one, not Spring's English conversion message
            boolean wrongDate = error.isBindingFailure() && error.getCodes() != null
                    && java.util.Arrays.asList(error.getCodes()).contains("typeMismatch.java.time.LocalDate");
            errors.putIfAbsent(error.getField(), wrongDate ? DateFields.WRONG_DATE : error.getDefaultMessage());
        }
        e.getGlobalErrors().forEach(error -> errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
        return respond(request, HttpStatus.BAD_REQUEST, "Данные не прошли проверку",
                "Исправьте ошибки: " + String.join("; ", errors.values()), errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object invalidParameters(HttpServletRequest request, HandlerMethodValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.putIfAbsent(result.getMethodParameter().getParameterName(), error.getDefaultMessage())));
        return respond(request, HttpStatus.BAD_REQUEST, "Данные не прошли проверку",
                "Исправьте ошибки: " + String.join("; ", errors.values()), errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpServletRequest request, HttpMessageNotReadableException e) {
        if (bodyTooLarge(e)) {
            return bodyTooLarge(request);
        }
        return respond(request, HttpStatus.BAD_REQUEST, "Некорректный запрос",
                "Тело запроса не удалось прочитать: ожидается JSON с полями нужных типов.", Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(HttpServletRequest request, MethodArgumentTypeMismatchException e) {
        return respond(request, HttpStatus.BAD_REQUEST, "Некорректный запрос",
                "Параметр «" + e.getName() + "» имеет недопустимое значение.", Map.of(e.getName(), "Недопустимое значение"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(HttpServletRequest request, MissingServletRequestParameterException e) {
        if ("version".equals(e.getParameterName())) {
            return respond(request, HttpStatus.BAD_REQUEST, "Запрос отклонён", ConcurrentEditException.VERSION_REQUIRED,
                    Map.of("version", ConcurrentEditException.VERSION_REQUIRED));
        }
        return respond(request, HttpStatus.BAD_REQUEST, "Некорректный запрос",
                "Не указан параметр «" + e.getParameterName() + "».", Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpServletRequest request) {
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "Метод не поддерживается",
                "Этот адрес не поддерживает метод " + request.getMethod() + ".", Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedMediaType(HttpServletRequest request) {
        return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Неподдерживаемый формат",
                "Формат тела запроса не поддерживается: отправьте application/json.", Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Void> notAcceptable() {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return respond(request, HttpStatus.PAYLOAD_TOO_LARGE, "Файл слишком большой",
                "Файл слишком большой: можно загрузить не более 20 МБ.", Map.of());
    }

    /** An upload refused for what the file is (platform.file): 422 with the reason, nothing written. */
    @ExceptionHandler(RefusedFileException.class)
    Object refusedFile(HttpServletRequest request, RefusedFileException e) {
        return respond(request, HttpStatus.UNPROCESSABLE_CONTENT, "Файл не принят", e.getMessage(), Map.of());
    }

    @ExceptionHandler(MultipartException.class)
    Object badUpload(HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "Файл не получен",
                "Файл не удалось получить: выберите файл и отправьте форму ещё раз.", Map.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    Object integrity(HttpServletRequest request, DataIntegrityViolationException e) {
        log.warn("Нарушение целостности данных на {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMostSpecificCause().getMessage());
        return respond(request, HttpStatus.CONFLICT, "Конфликт данных",
                "Изменение противоречит уже сохранённым данным (например, такая запись уже есть или на неё ссылаются другие записи).",
                Map.of());
    }

    @ExceptionHandler(ResponseStatusException.class)
    Object status(HttpServletRequest request, ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        String detail = switch (status) {
            case NOT_FOUND -> "Запрошенный объект не найден или недоступен вам.";
            case FORBIDDEN -> "Недостаточно прав для этого действия.";
            case BAD_REQUEST -> "Некорректный запрос.";
            default -> "Запрос не выполнен (код " + status.value() + ").";
        };
        return respond(request, status, "Запрос не выполнен", detail, Map.of());
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(HttpServletRequest request, HttpServletResponse response, Exception e) throws Exception {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            throw e; // failing while rendering an error: leave it to the container
        }
        if (DatabaseOutage.isCause(e)) {
            return outage(request, response, e);
        }
        if (ServerOverload.isCause(e)) {
            ServerOverload.refused(request, e);
            return unavailable(request, response, ServerOverload.TITLE, ServerOverload.DETAIL, ServerOverload.RETRY_AFTER,
                    DatabaseOutageFilter.OVERLOADED_PAGE);
        }
        if (bodyTooLarge(e)) {
            return bodyTooLarge(request);
        }
        log.error("Необработанная ошибка на {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка",
                "Произошла внутренняя ошибка. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.",
                Map.of());
    }

    /** The database is down or went away mid-request: 503, not our bug, and nothing for the log's stack traces. */
    private Object outage(HttpServletRequest request, HttpServletResponse response, Exception e) {
        log.warn("База данных недоступна: {} {} — ответ 503 ({})", request.getMethod(), request.getRequestURI(),
                org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        return unavailable(request, response, DatabaseOutage.TITLE, DatabaseOutage.DETAIL, DatabaseOutage.RETRY_AFTER,
                DatabaseOutageFilter.PAGE);
    }

    /** 503 with Retry-After; for people the standalone page: the layout and the session's last write may need the database too. */
    private Object unavailable(HttpServletRequest request, HttpServletResponse response, String title, String detail,
                               String retryAfter, String page) {
        response.setHeader("Retry-After", retryAfter);
        response.setHeader("Cache-Control", "no-store");
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
            problem.setTitle(title);
            problem.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return new ModelAndView(page, HttpStatus.SERVICE_UNAVAILABLE);
    }

    /** A JSON body over {@link JsonBodyLimit#MAX_BYTES}, however the reading of it was wrapped. */
    private static boolean bodyTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonBodyLimit.TooLarge) {
                return true;
            }
        }
        return false;
    }

    private Object bodyTooLarge(HttpServletRequest request) {
        return respond(request, HttpStatus.CONTENT_TOO_LARGE, "Запрос слишком большой",
                "Тело запроса больше " + JsonBodyLimit.MAX_BYTES / (1024 * 1024) + " МБ: отправьте данные частями "
                        + "(длинные тексты — не больше " + TextLimits.TEXT + " символов).", Map.of());
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    private Object respond(HttpServletRequest request, HttpStatus status, String title, String detail,
                           Map<String, String> fieldErrors) {
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            problem.setInstance(URI.create(request.getRequestURI()));
            if (!fieldErrors.isEmpty()) {
                problem.setProperty("errors", fieldErrors);
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }
}
