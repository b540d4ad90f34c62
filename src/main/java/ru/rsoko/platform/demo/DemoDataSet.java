package ru.rsoko.platform.demo;

/**
 * A named piece of demo data of one feature. Each set is loaded once per database, in {@link #order()};
 * a later version of the product adds its sets to a demo database that already has the earlier ones.
 */
public interface DemoDataSet {

    String name();

    int order();

    void load();
}
