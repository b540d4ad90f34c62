package ru.rsoko.platform.backup;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.Formats;

import java.io.IOException;

/**
 * The deployment administrator's backups page: take a dump now, see the dumps in the folder. Only a deployment
 * administrator reaches it (SecurityConfiguration: the whole database is every region's).
 */
@Controller
class BackupController {

    private static final Logger log = LoggerFactory.getLogger(BackupController.class);

    private final Backups backups;
    private final Formats formats;

    BackupController(Backups backups, Formats formats) {
        this.backups = backups;
        this.formats = formats;
    }

    @GetMapping("/admin/backup")
    String page(Model model) {
        model.addAttribute("backups", backups.list());
        model.addAttribute("dir", backups.dir().toString());
        return "platform/backup";
    }

    @PostMapping("/admin/backup")
    String create(RedirectAttributes redirect) {
        try {
            Backups.Backup backup = backups.create();
            redirect.addFlashAttribute("message", "Копия снята: папка " + backup.name() + ", таблиц " + backup.tables()
                    + ", строк " + backup.rows());
        } catch (RuntimeException e) {
            log.error("Копия базы данных не снята", e);
            redirect.addFlashAttribute("error", "Копия не снята: " + e.getMessage());
        }
        return "redirect:/admin/backup";
    }

    @GetMapping("/admin/backup.xlsx")
    void xlsx(HttpServletResponse response) throws IOException {
        XlsxTable.of("Резервные копии", Backups.Backup.class).zone(formats.zone())
                .column("Папка", 28, Backups.Backup::name)
                .column("Снята", 18, Backups.Backup::createdAt)
                .column("Версия схемы", 14, Backups.Backup::flywayVersion)
                .column("Таблиц", 10, Backups.Backup::tables)
                .column("Строк", 14, Backups.Backup::rows)
                .write(XlsxDownload.start(response, "Резервные копии.xlsx"), backups.list());
    }
}
