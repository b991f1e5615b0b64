package org.maxdnn.flow;

import org.maxdnn.report.Column;
import org.maxdnn.report.Section;
import org.maxdnn.report.Table;

/**
 * A test-only section of {@code run}'s report: how many images the chosen map's cosimulation ran.
 * One file and one line in the test resources' {@code META-INF/services/org.maxdnn.flow.RunSectionPlugin}.
 */
public class CosimulatedImagesSection implements RunSectionPlugin {
    @Override
    public Section of(MainFlow.Result r) {
        return Section.builder("Cosimulated images (test only)").table(Table.builder("test-only/images", "",
                Column.text("map", "map"), Column.number("images", "images", "", "%d"))
                .row("chosen map", r.cosim().report().images()).build()).build();
    }
}
