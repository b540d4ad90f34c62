package ru.rsoko.meeting.protocol;
import java.nio.file.*;
public class Dbg {
    public static void main(String[] a) throws Exception {
        ProtocolDraft d = new ProtocolParser().parse(Files.readString(Path.of(a[0])));
        d.agenda().forEach(System.out::println);
        d.decisions().forEach(x -> System.out.println(x.number()+" | "+x.text()+" | "+x.responsible()+" | "+x.deadline()));
        System.out.println(d.unplaced());
    }
}
