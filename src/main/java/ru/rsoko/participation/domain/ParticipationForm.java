package ru.rsoko.participation.domain;

import java.util.ArrayList;
import java.util.List;

/** The school's grades on the form: the figures as typed and the version of each stored row. */
public class ParticipationForm {

    private List<Grade> rows = new ArrayList<>();

    public static class Grade {
        private int grade;
        private String pupils;
        private String participants;
        private boolean observers;
        private Long version;
        private boolean fromDirectory;

        /** The pupils shown are the directory's figure of the school year: the grade has no data yet. */
        public boolean isFromDirectory() {
            return fromDirectory;
        }

        public void setFromDirectory(boolean fromDirectory) {
            this.fromDirectory = fromDirectory;
        }

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

        public String getParticipants() {
            return participants;
        }

        public void setParticipants(String participants) {
            this.participants = participants;
        }

        public boolean isObservers() {
            return observers;
        }

        public void setObservers(boolean observers) {
            this.observers = observers;
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }
    }

    public static ParticipationForm of(List<ParticipationService.GradeLine> lines) {
        ParticipationForm form = new ParticipationForm();
        for (ParticipationService.GradeLine line : lines) {
            Grade g = new Grade();
            g.setGrade(line.grade());
            if (line.stored() != null) {
                g.setPupils(String.valueOf(line.stored().pupils()));
                g.setParticipants(String.valueOf(line.stored().participants()));
                g.setObservers(line.stored().observers());
                g.setVersion(line.stored().version());
            } else if (line.directoryPupils() != null) {
                g.setPupils(String.valueOf(line.directoryPupils()));
                g.setFromDirectory(true);
            }
            form.rows.add(g);
        }
        return form;
    }

    public List<ParticipationService.GradeInput> toInput() {
        return rows.stream().map(g -> new ParticipationService.GradeInput(g.getGrade(), g.getPupils(), g.getParticipants(),
                g.isObservers(), g.getVersion())).toList();
    }

    public List<Grade> getRows() {
        return rows;
    }

    public void setRows(List<Grade> rows) {
        this.rows = rows;
    }
}
