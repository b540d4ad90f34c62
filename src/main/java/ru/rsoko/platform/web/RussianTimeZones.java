package ru.rsoko.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The time zones a Russian region can have, with the labels people know them by. */
public final class RussianTimeZones {

    private static final Map<String, String> ZONES = new LinkedHashMap<>();

    static {
        ZONES.put("Europe/Kaliningrad", "Калининград (МСК−1, UTC+2)");
        ZONES.put("Europe/Moscow", "Москва (МСК, UTC+3)");
        ZONES.put("Europe/Kirov", "Киров (МСК, UTC+3)");
        ZONES.put("Europe/Volgograd", "Волгоград (МСК, UTC+3)");
        ZONES.put("Europe/Samara", "Самара (МСК+1, UTC+4)");
        ZONES.put("Europe/Astrakhan", "Астрахань (МСК+1, UTC+4)");
        ZONES.put("Europe/Saratov", "Саратов (МСК+1, UTC+4)");
        ZONES.put("Europe/Ulyanovsk", "Ульяновск (МСК+1, UTC+4)");
        ZONES.put("Asia/Yekaterinburg", "Екатеринбург (МСК+2, UTC+5)");
        ZONES.put("Asia/Omsk", "Омск (МСК+3, UTC+6)");
        ZONES.put("Asia/Novosibirsk", "Новосибирск (МСК+4, UTC+7)");
        ZONES.put("Asia/Barnaul", "Барнаул (МСК+4, UTC+7)");
        ZONES.put("Asia/Tomsk", "Томск (МСК+4, UTC+7)");
        ZONES.put("Asia/Novokuznetsk", "Новокузнецк (МСК+4, UTC+7)");
        ZONES.put("Asia/Krasnoyarsk", "Красноярск (МСК+4, UTC+7)");
        ZONES.put("Asia/Irkutsk", "Иркутск (МСК+5, UTC+8)");
        ZONES.put("Asia/Chita", "Чита (МСК+6, UTC+9)");
        ZONES.put("Asia/Yakutsk", "Якутск (МСК+6, UTC+9)");
        ZONES.put("Asia/Vladivostok", "Владивосток (МСК+7, UTC+10)");
        ZONES.put("Asia/Sakhalin", "Сахалин (МСК+8, UTC+11)");
        ZONES.put("Asia/Magadan", "Магадан (МСК+8, UTC+11)");
        ZONES.put("Asia/Srednekolymsk", "Среднеколымск (МСК+8, UTC+11)");
        ZONES.put("Asia/Kamchatka", "Камчатка (МСК+9, UTC+12)");
        ZONES.put("Asia/Anadyr", "Анадырь (МСК+9, UTC+12)");
    }

    private RussianTimeZones() {
    }

    public static Map<String, String> all() {
        return ZONES;
    }

    public static boolean isKnown(String zoneId) {
        return zoneId != null && ZONES.containsKey(zoneId);
    }

    public static String label(String zoneId) {
        return ZONES.getOrDefault(zoneId, zoneId);
    }
}
