package ru.rsoko.directory.web;

import ru.rsoko.directory.domain.PupilsService;

import java.util.ArrayList;
import java.util.List;

/** The school's grades on its card: the numbers as typed and the version of each stored figure. */
public class PupilsForm implements java.io.Serializable {

    private String schoolYear;
    private List<Grade> grades = new ArrayList<>();

    public static class Grade implements java.io.Serializable {
        private int grade;
        private String pupils;
        private Long version;

        public int getGrade() {
            return grade;
        }

        public void setGrade(int grade) {
            this.grade = grade;
        }

        public String getPupils() {
            return pupils;
        }

        public void setPupils(String pupils) {
            this.pupils = pupils;
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }
    }

    static PupilsForm of(PupilsService.SchoolPupils table) {
        PupilsForm form = new PupilsForm();
        form.schoolYear = table.year().toString();
        for (PupilsService.GradeLine line : table.grades()) {
            Grade g = new Grade();
            g.setGrade(line.grade());
            if (line.stored() != null) {
                g.setPupils(String.valueOf(line.stored().pupils()));
                g.setVersion(line.stored().version());
            }
            form.grades.add(g);
        }
        return form;
    }

    List<PupilsService.GradeInput> toInput() {
        return grades.stream().map(g -> new PupilsService.GradeInput(g.getGrade(), g.getPupils(), g.getVersion())).toList();
    }

    public String getSchoolYear() {
        return schoolYear;
    }

    public void setSchoolYear(String schoolYear) {
        this.schoolYear = schoolYear;
    }

    public List<Grade> getGrades() {
        return grades;
    }

    public void setGrades(List<Grade> grades) {
        this.grades = grades;
    }
}
