package org.ordersystem.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's browser tests' Chromium, and axe-core's accessibility check of a page in it. */
public final class Chromium {

    /** axe-core's rules for WCAG 2.0 and 2.1, levels A and AA (contrast, labels, names, structure). */
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Chromium() {
    }

    /** Headless Chromium with the driver from the same Debian packages (no download). */
    public static WebDriver start() {
        Path driver = Path.of("/usr/bin/chromedriver");
        Path binary = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(driver) || !Files.isExecutable(binary)) {
            throw new IllegalStateException("The console's browser tests need Chromium: "
                    + "apt-get install chromium chromium-driver (.ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions().setBinary(binary.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--disable-gpu",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** What axe-core finds against WCAG 2.1 A and AA on the page as it is now, one line per rule broken. */
    public static List<String> violations(WebDriver browser, String page) {
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(browser);
        assertThat(results.getPasses()).as("axe-core checked %s", page).hasSizeGreaterThan(10);
        return results.getViolations().stream().map(rule -> describe(page, rule)).toList();
    }

    private static String describe(String page, Rule rule) {
        return page + ": " + rule.getId() + " (" + rule.getHelp() + ") at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }
}
