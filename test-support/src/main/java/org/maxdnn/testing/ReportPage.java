package org.maxdnn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A report page open in {@link HeadlessChromium}, driven as a reader would: the explorer's points,
 * hovering and clicking one, the view buttons; the bar charts' groups. Points are found through the
 * page's charts ({@code window.maxdnnCharts}, ECharts instances) and reached with the mouse.
 */
public final class ReportPage {
    private final HeadlessChromium browser;
    private final Path html;
    private final List<String> errors = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();

    /** Opens {@code html}, keeping its console errors and requests from now on for {@link #assertSelfContained()}. */
    public ReportPage(HeadlessChromium browser, Path html) {
        this.browser = browser;
        this.html = html;
        browser.requestedUrls();
        browser.consoleErrors();
        browser.open(html);
        readLogs();
    }

    private void readLogs() {
        errors.addAll(browser.consoleErrors());
        requests.addAll(browser.requestedUrls());
    }

    /**
     * No console error, and the browser requested nothing but the page itself, data: URLs and files in
     * the page's own folder (its static figures), since it was opened, its own chrome:// resources aside:
     * no request leaves the machine. The
     * page's request must be in the log, so a log that saw nothing fails too.
     */
    public void assertSelfContained() {
        readLogs();
        assertEquals(List.of(), errors, html + ": console errors");
        String self = html.toUri().toString();
        String folder = html.toAbsolutePath().getParent().toUri().toString();
        assertTrue(requests.contains(self), html + ": the browser's network log lacks the page itself: " + requests);
        // chrome:// is the browser's own resources (its internal pages load them whenever they like), never the page's
        assertEquals(List.of(), requests.stream().filter(u -> !u.equals(self) && !u.startsWith("data:")
                && !u.startsWith("chrome://") && !(u.startsWith(folder) && !u.contains("/../"))).toList(),
                html + ": requests beyond the page's folder");
    }

    /** The charts of a kind ({@code pareto}, {@code bars}), as indices into the page's charts. */
    public List<Integer> charts(String kind) {
        List<?> kinds = (List<?>) browser.script("return window.maxdnnCharts.map(c => c.kind);");
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i).equals(kind)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Per approach the points the explorer plots, as [x, y] (y null where the view has no figure). */
    @SuppressWarnings("unchecked")
    public Map<String, List<List<Number>>> points(int chart) {
        return (Map<String, List<List<Number>>>) browser.script("var o = {}; window.maxdnnCharts[arguments[0]].chart"
                + ".getOption().series.filter(s => String(s.id).startsWith('front:')).forEach(s => o[s.name] = "
                + "s.data.map(d => d.value)); return o;", chart);
    }

    /** Per approach its whiskers as [x, low, high]. */
    @SuppressWarnings("unchecked")
    public Map<String, List<List<Number>>> whiskers(int chart) {
        return (Map<String, List<List<Number>>>) browser.script("var o = {}; window.maxdnnCharts[arguments[0]].chart"
                + ".getOption().series.filter(s => String(s.id).startsWith('whisker:')).forEach(s => o[s.name] = s.data);"
                + " return o;", chart);
    }

    /** The labels of the marked points. */
    @SuppressWarnings("unchecked")
    public List<String> marks(int chart) {
        return (List<String>) browser.script("return window.maxdnnCharts[arguments[0]].chart.getOption().series"
                + ".filter(s => s.id === 'marks')[0].data.map(d => d.name);", chart);
    }

    /** Switches the explorer's view ({@code validation}, {@code search}). */
    public void view(int chart, String name) {
        host(chart).findElement(By.cssSelector("button.view-toggle[data-view='" + name + "']")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> name.equals(host(chart).getAttribute("data-view")));
    }

    /**
     * A point of {@code approach} at least 8 pixels from every other plotted point (so the mouse reaches
     * it and nothing else), as its row in the front's table; -1 when there is none.
     */
    public int isolatedPoint(int chart, String approach) {
        return ((Number) browser.script("var c = window.maxdnnCharts[arguments[0]].chart; var all = [];"
                + "c.getOption().series.forEach((s, i) => { if (String(s.id).startsWith('front:')) s.data.forEach(d => {"
                + " if (d.value[1] != null) all.push({a: s.name, row: d.row, p: c.convertToPixel({seriesIndex: i}, d.value)}); }); });"
                + "var ok = all.filter(q => q.a === arguments[1] && all.every(o => o === q || Math.hypot(o.p[0] - q.p[0], "
                + "o.p[1] - q.p[1]) >= 8)); return ok.length ? ok[0].row : -1;", chart, approach)).intValue();
    }

    /** Moves the mouse onto a point and returns the tooltip's text. */
    public String hover(int chart, String approach, int row) {
        moveTo(chart, approach, row).perform();
        WebElement tip = new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> host(chart).findElements(By.cssSelector(".maxdnn-tip")).stream().filter(WebElement::isDisplayed)
                        .findFirst().orElse(null));
        return tip.getText();
    }

    /** Clicks a point and returns the configurations its map's legend lists. */
    public List<String> click(int chart, String approach, int row) {
        moveTo(chart, approach, row).click().perform();
        WebElement panel = host(chart).findElement(By.cssSelector(".map-panel"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> panel.isDisplayed()
                && String.valueOf(row).equals(panel.getAttribute("data-point"))
                && approach.equals(panel.getAttribute("data-approach")));
        return panel.findElements(By.cssSelector(".map-legend li")).stream()
                .map(li -> li.getAttribute("data-configuration")).toList();
    }

    /** The shown map's JSON link, as written in the page (relative to it). */
    public String mapLink(int chart) {
        return host(chart).findElement(By.cssSelector(".map-panel a.map-json")).getAttribute("href");
    }

    /** The layers the shown map offers per-kernel heat maps of. */
    public List<String> kernelLayers(int chart) {
        return host(chart).findElements(By.cssSelector(".map-panel select.map-level option")).stream()
                .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
    }

    /** Shows one layer's kernels ("" for every layer's filters); returns the heat map's cell count. */
    public int showKernels(int chart, String layer) {
        browser.script("var s = document.querySelector('#' + arguments[0] + ' select.map-level'); s.value = arguments[1];"
                + " s.dispatchEvent(new Event('change'));", "chart-" + chart, layer);
        return ((Number) browser.script("var h = echarts.getInstanceByDom(document.querySelector('#' + arguments[0]"
                + " + ' .map-heat')); return h.getOption().series[0].data.length;", "chart-" + chart)).intValue();
    }

    /** A bar chart's groups (its categories) and its series' names. */
    @SuppressWarnings("unchecked")
    public Map<String, List<String>> bars(int chart) {
        return (Map<String, List<String>>) browser.script("var o = window.maxdnnCharts[arguments[0]].chart.getOption();"
                + " return {categories: o.xAxis[0].data.map(String), series: o.series.map(s => s.name)};", chart);
    }

    /** Moves the mouse onto a bar chart's group of {@code category} and returns the tooltip's text. */
    public String hoverBars(int chart, String category) {
        List<?> pixel = (List<?>) browser.script("var c = window.maxdnnCharts[arguments[0]].chart;"
                + " var x = c.convertToPixel({xAxisIndex: 0}, arguments[1]);"
                + " var y = c.convertToPixel({yAxisIndex: 0}, 0);"
                + " return [x, y - 5];", chart, category);
        WebElement plot = host(chart).findElement(By.cssSelector(".chart-plot"));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", plot);
        int dx = (int) Math.round(((Number) pixel.get(0)).doubleValue() - plot.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(((Number) pixel.get(1)).doubleValue() - plot.getSize().getHeight() / 2.0);
        new Actions(browser.driver()).moveToElement(plot, dx, dy).perform();
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> host(chart).findElements(By.cssSelector(".maxdnn-tip")).stream()
                        .filter(e -> e.isDisplayed() && e.getText().startsWith(category)).findFirst().orElse(null))
                .getText();
    }

    /** Clicks the heading of a column of the page's {@code table}-th table; returns the column's cells in their new order. */
    public List<String> sortBy(int table, int column) {
        WebElement t = browser.driver().findElements(By.cssSelector("body > table")).get(table);
        t.findElements(By.cssSelector("thead th")).get(column).click();
        return t.findElements(By.cssSelector("tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(column).getText()).toList();
    }

    /** The page's contents: the targets of its links to its sections, each checked to exist. */
    public List<String> contents() {
        List<String> ids = browser.driver().findElements(By.cssSelector("nav.contents a")).stream()
                .map(a -> a.getAttribute("href").replaceFirst("^.*#", "")).toList();
        for (String id : ids) {
            assertEquals(1, browser.driver().findElements(By.id(id)).size(), id);
        }
        return ids;
    }

    /** A PNG of one chart's figure (its controls, plot, map panel and caption), for documentation. */
    public void screenshotOfChart(int chart, Path png) {
        WebElement figure = host(chart).findElement(By.xpath(".."));
        browser.script("window.maxdnnCharts[arguments[0]].chart.dispatchAction({type: 'hideTip'});", chart);
        var size = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(),
                Math.min(4000, figure.getSize().getHeight() + 300)));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'start'});", figure);
        try {
            java.nio.file.Files.write(png, figure.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            browser.driver().manage().window().setSize(size);
        }
    }

    private Actions moveTo(int chart, String approach, int row) {
        List<?> pixel = (List<?>) browser.script("var c = window.maxdnnCharts[arguments[0]].chart; var o = c.getOption();"
                + " var i = o.series.findIndex(s => s.id === 'front:' + arguments[1]);"
                + " var d = o.series[i].data.filter(d => d.row === arguments[2])[0];"
                + " return c.convertToPixel({seriesIndex: i}, d.value);", chart, approach, row);
        WebElement plot = host(chart).findElement(By.cssSelector(".chart-plot"));
        int dx = (int) Math.round(((Number) pixel.get(0)).doubleValue() - plot.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(((Number) pixel.get(1)).doubleValue() - plot.getSize().getHeight() / 2.0);
        assertTrue(Math.abs(dx) < plot.getSize().getWidth() / 2 && Math.abs(dy) < plot.getSize().getHeight() / 2,
                approach + " point " + row + " lies outside the plot");
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", plot);
        return new Actions(browser.driver()).moveToElement(plot, dx, dy);
    }

    private WebElement host(int chart) {
        return browser.driver().findElement(By.id("chart-" + chart));
    }
}
