package org.ordersystem.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs), with its scripts: register, sign in, place an order of two lines
 * (the total as they are typed), reload it, confirm it, find it, export it; an administrator
 * ships it and the customer sees it; another user gets the 404 page. Screenshots of the main
 * pages go to {@code target/console-screenshots} (the README shows copies from docs/console).
 * Every page on the way, the error page too, is checked with axe-core's WCAG 2.1 A and AA rules.
 */
@IntegrationTest
class ConsoleEndToEndTests {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final String base;
    private WebDriver customer;
    private WebDriver admin;
    private final List<String> inaccessible = new ArrayList<>();

    ConsoleEndToEndTests(@LocalServerPort int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    @BeforeEach
    void browsers() {
        customer = Chromium.start();
        admin = Chromium.start();
    }

    @AfterEach
    void close() {
        customer.quit();
        admin.quit();
    }

    @Test
    void aCustomerPlacesAnOrderThatAnAdministratorShips() throws Exception {
        String email = "console-" + UUID.randomUUID() + "@orders.test";
        customer.get(base + "/");
        assertThat(customer.getCurrentUrl()).endsWith("/ui/sign-in");
        screenshot(customer, "sign-in");
        follow(customer, By.linkText("Register"));
        accessible(customer, "register");
        customer.findElement(By.id("name")).sendKeys("Ana Customer");
        // leaving a field checks it in place (htmx)
        customer.findElement(By.id("email")).sendKeys("not an address", Keys.TAB);
        waitFor(customer).until(ExpectedConditions.textMatches(By.id("email-error"), Pattern.compile(".+")));
        accessible(customer, "register-with-message");
        type(customer, "email", email);
        customer.findElement(By.id("email")).sendKeys(Keys.TAB);
        waitFor(customer).until(ExpectedConditions.textToBe(By.id("email-error"), ""));
        customer.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        follow(customer, By.cssSelector("button[type=submit]"));
        assertThat(customer.findElement(By.cssSelector(".notice")).getText()).contains("account is ready");
        signIn(customer, email, Accounts.PASSWORD);

        follow(customer, By.linkText("New order"));
        type(customer, "lines0.name", "Desk lamp");
        type(customer, "lines0.sku", "LMP-100");
        type(customer, "lines0.quantity", "2");
        type(customer, "lines0.unitPrice", "12.50");
        type(customer, "lines1.name", "Bulb");
        type(customer, "lines1.quantity", "3");
        type(customer, "lines1.unitPrice", "1.10");
        waitFor(customer).until(ExpectedConditions.textToBe(By.cssSelector("[data-total]"), "28.30"));
        customer.findElement(By.id("notes")).sendKeys("Ring twice");
        screenshot(customer, "new-order");
        follow(customer, By.xpath("//button[text()='Place order']"));
        assertThat(customer.getCurrentUrl()).matches(".*/ui/orders/\\d+$");
        String orderUrl = customer.getCurrentUrl();
        customer.navigate().refresh();
        assertThat(customer.getCurrentUrl()).isEqualTo(orderUrl);
        follow(customer, By.linkText("My orders"));
        assertThat(customer.findElement(By.tagName("caption")).getText()).startsWith("1 orders");

        customer.get(orderUrl);
        assertThat(customer.getPageSource()).contains("USD 28.30", "Desk lamp", "Ring twice");
        follow(customer, By.xpath("//button[text()='Mark confirmed']"));
        assertThat(customer.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Order confirmed.");
        screenshot(customer, "order");

        follow(customer, By.linkText("My orders"));
        customer.findElement(By.name("q")).sendKeys("lmp-1");
        customer.findElement(By.xpath("//button[text()='Apply']")).click();
        // htmx replaces the results in place and records the filter in the address
        waitFor(customer).until(ExpectedConditions.urlContains("q=lmp-1"));
        waitFor(customer).ignoring(StaleElementReferenceException.class).until(browser -> browser
                .findElement(By.cssSelector("#results tbody")).getText().contains("CONFIRMED"));
        assertThat(customer.findElement(By.tagName("caption")).getText()).startsWith("1 orders");
        screenshot(customer, "orders");
        String export = customer.findElement(By.linkText("Export these orders (CSV)")).getAttribute("href");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(export))
                .header("Cookie", "SESSION=" + customer.manage().getCookieNamed("SESSION").getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("id,user_id,status").contains("CONFIRMED", "28.30", "Ring twice");

        signIn(admin, Accounts.ADMIN_EMAIL, Accounts.ADMIN_PASSWORD);
        follow(admin, By.linkText("Users"));
        screenshot(admin, "admin-users");
        follow(admin, By.linkText("Webhooks"));
        accessible(admin, "admin-webhooks");
        admin.get(base + "/ui/profile");
        accessible(admin, "profile");
        follow(admin, By.linkText("Statistics"));
        waitFor(admin).until(browser -> Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('canvas')).every(c => Chart.getChart(c) !== undefined)")));
        screenshot(admin, "admin-statistics");
        admin.get(orderUrl);
        admin.findElement(By.name("reason")).sendKeys("Courier 42");
        follow(admin, By.xpath("//button[text()='Mark shipped']"));
        assertThat(admin.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Order shipped.");

        customer.get(orderUrl);
        assertThat(customer.findElement(By.cssSelector("h1 .status")).getText()).isEqualTo("SHIPPED");
        assertThat(customer.findElement(By.cssSelector(".timeline")).getText()).contains("Placed",
                "PENDING → CONFIRMED", "CONFIRMED → SHIPPED", "Courier 42");
        assertThat(customer.findElements(By.xpath("//button[text()='Mark delivered']"))).isEmpty();

        WebDriver stranger = Chromium.start();
        try {
            String other = "console-" + UUID.randomUUID() + "@orders.test";
            register(stranger, other);
            signIn(stranger, other, Accounts.PASSWORD);
            stranger.get(orderUrl);
            assertThat(stranger.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
            assertThat(stranger.getPageSource()).doesNotContain("Desk lamp");
            accessible(stranger, "not-found");
        }
        finally {
            stranger.quit();
        }
        assertThat(inaccessible).as("WCAG 2.1 A/AA violations found by axe-core").isEmpty();
    }

    private void register(WebDriver browser, String email) {
        browser.get(base + "/ui/register");
        browser.findElement(By.id("name")).sendKeys("Other Customer");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        follow(browser, By.cssSelector("button[type=submit]"));
    }

    private void signIn(WebDriver browser, String email, String password) {
        browser.get(base + "/ui/sign-in");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        follow(browser, By.xpath("//button[text()='Sign in']"));
        assertThat(browser.getCurrentUrl()).endsWith("/ui/orders");
    }

    /**
     * Clicks what leads to another page and waits until the browser has left this one: a click
     * returns before the form's answer (a redirect, then the page) has arrived.
     */
    private static void follow(WebDriver browser, By target) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("window.leftByTest = false");
        browser.findElement(target).click();
        // a new document has a new window object, without the mark
        waitFor(browser).ignoring(WebDriverException.class).until(now -> Boolean.TRUE.equals(page.executeScript(
                "return window.leftByTest === undefined && document.readyState === 'complete'")));
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(5));
    }

    /** Takes the page's screenshot and checks it with axe-core. */
    private void screenshot(WebDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        accessible(browser, name);
    }

    /** Records what axe-core finds against WCAG 2.1 A and AA on the page as it is now. */
    private void accessible(WebDriver browser, String page) {
        inaccessible.addAll(Chromium.violations(browser, page));
    }
}
