package ru.rsoko.platform.file;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;

/**
 * POI's own guards, set once for the whole application before any upload is read: a part may not inflate more than
 * 100 times its packed size (POI's default ratio, kept), no part may inflate beyond 1 GB, and no single array POI
 * allocates while reading may exceed 64 MB. {@link FileInspection} refuses most hostile files before POI sees them;
 * these hold when a file passes it.
 */
public final class PoiLimits {

    static final long MAX_ENTRY = FileInspection.MAX_INFLATED;
    static final int MAX_ARRAY = 64 * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY);
        IOUtils.setByteArrayMaxOverride(MAX_ARRAY);
    }

    private PoiLimits() {
    }

    /** Makes sure the limits are set (the class's initialiser runs once). */
    public static void apply() {
        // the static initialiser does the work
    }
}
