package dlfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@link Course#lang()}: the call, then DLFS_LANG, then -Ddlfs.lang, else English; never the OS locale. */
class CourseLangTest {

    @AfterEach
    void reset() {
        Course.lang(null);
        System.clearProperty(Course.LANG_PROPERTY);
    }

    @Test
    void callComesBeforeThePropertyWhichComesBeforeEnglish() {
        Assumptions.assumeTrue(System.getenv(Course.LANG_ENV) == null, "DLFS_LANG is set in this environment");
        java.util.Locale old = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.SIMPLIFIED_CHINESE);
            assertEquals("en", Course.lang(), "the locale is not followed");
        } finally {
            java.util.Locale.setDefault(old);
        }
        assertEquals("loss", Course.text("loss", "损失函数值"));
        System.setProperty(Course.LANG_PROPERTY, "zh_CN.UTF-8");
        assertEquals("zh", Course.lang());
        assertEquals("损失函数值", Course.text("loss", "损失函数值"));
        Course.lang("EN");
        assertEquals("en", Course.lang(), "the call comes first");
        Course.lang(null);
        assertEquals("zh", Course.lang(), "null: back to the property");
        System.setProperty(Course.LANG_PROPERTY, "fr");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Course::lang);
        assertEquals("-Ddlfs.lang: unknown language 'fr'; the kit speaks en, zh (en English, zh Chinese)", e.getMessage());
    }

    @Test
    void unknownLanguagesAreRefusedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Course.lang("de"));
        assertTrue(e.getMessage().contains("unknown language 'de'; the kit speaks en, zh"), e.getMessage());
        Course.lang("zh-Hans");
        assertEquals("zh", Course.lang());
    }
}
