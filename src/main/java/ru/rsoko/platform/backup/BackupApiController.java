package ru.rsoko.platform.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Backups for scripts (a nightly cron with a deployment administrator's token). */
@RestController
@Tag(name = "Резервные копии")
class BackupApiController {

    /** What a dump taken now holds: the folder's name under {@code rsoko.backup.dir}. */
    record Created(String folder, String flywayVersion, int tables, long rows) {
    }

    private final Backups backups;

    BackupApiController(Backups backups) {
        this.backups = backups;
    }

    @PostMapping("/api/v1/admin/backups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Снять копию базы данных",
            description = "Только администратор всей системы. Согласованная копия всех таблиц (одна транзакция) в папку "
                    + "rsoko.backup.dir; ответ — имя папки. Восстановление: docs/operations-backup.md.")
    Created create() {
        Backups.Backup backup = backups.create();
        return new Created(backup.name(), backup.flywayVersion(), backup.tables(), backup.rows());
    }
}
