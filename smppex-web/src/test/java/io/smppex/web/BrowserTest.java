package io.smppex.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.smppex.SyncEsme;
import io.smppex.pdu.DeliverSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.text.TextCodec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page in a real headless Chromium, over a real SmppSimulator fed by a real ESME over loopback. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final String HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"><b>bold</b>";

    static RealSim sim;
    static WebConsole web;
    static Browser browser;
    static SyncEsme esme;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        sim = new RealSim();
        web = sim.web;
        browser = new Browser();
        // The list re-renders while messages flow: an element found a moment ago may be replaced
        // before it is read. That is the page working, so every wait reads it again.
        wait = new WebDriverWait(browser.driver, T);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        esme = SyncEsme.connect("127.0.0.1", sim.port());
        esme.request(PduFactory.bindTransceiver("qa-team", "pw"), T);
        browser.driver.get(web.url());
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
    }

    @AfterAll
    static void stop() {
        if (esme != null) {
            esme.close();
        }
        if (browser != null) {
            browser.close();
        }
        sim.close();
    }

    private static String submit(String from, String to, String text) {
        Pdu r = esme.request(PduFactory.submitSm(from, to, text), T);
        return ((SubmitSmResp) r).messageId();
    }

    /** Opens a message from the list; a live reload may redraw the list between finding the row and the click. */
    private static void open(String id) {
        new WebDriverWait(browser.driver, T).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            row(id).click();
            return true;
        });
    }

    private static WebElement row(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages tbody tr[data-id='" + id + "']")));
    }

    @Test
    @Order(1)
    void aSubmittedMessageAppearsLiveAndHtmlStaysText() {
        Object marker = ((JavascriptExecutor) browser.driver).executeScript("window.__noReload = 42; return window.__noReload;");
        assertThat(marker).isEqualTo(42L);
        submit("MyShop", "447700900001", "Your order 1042 has shipped");
        submit("Bank", "447700900002", "Your code is 482913");
        String hostile = submit("<b>evil</b>", "447700900003", HOSTILE);
        WebElement tr = row(hostile);
        List<WebElement> cells = tr.findElements(By.tagName("td"));
        assertThat(cells.get(3).getText()).isEqualTo(HOSTILE);
        assertThat(cells.get(1).getText()).isEqualTo("<b>evil</b>");
        assertThat(tr.findElements(By.tagName("b"))).isEmpty();
        assertThat(tr.findElements(By.tagName("script"))).isEmpty();
        assertThat(tr.findElements(By.tagName("img"))).isEmpty();
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        assertThat(js.executeScript("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(js.executeScript("return window.__noReload")).as("the row came without a reload").isEqualTo(42L);
        browser.screenshot("inbox.png");
    }

    @Test
    @Order(2)
    void theMessageViewShowsFieldsAndPdusAndSendsAReceipt() {
        String id = submit("MyShop", "447700900123", "Hello from the browser test");
        open(id);
        wait.until(ExpectedConditions.textToBe(By.id("detail-text"), "Hello from the browser test"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#detail-pdus details"), 1));
        assertThat(browser.driver.findElement(By.id("detail-pdus")).getText()).contains("submit_sm", "submit_sm_resp");
        assertThat(browser.driver.findElement(By.id("detail-state")).getText()).isEqualTo("ENROUTE");
        browser.driver.findElement(By.cssSelector("#detail-pdus details")).click();
        // The submit_sm in hex (command_length, then command_id 0x00000004) and decoded. Read from the DOM, as a
        // live update may redraw the view and close the opened PDU again.
        wait.until(d -> d.findElement(By.cssSelector("#detail-pdus details pre.hex")).getAttribute("textContent")
                .matches("(?s)00 00 00 [0-9a-f]{2} 00 00 00 04 .*"));
        assertThat(browser.driver.findElement(By.cssSelector("#detail-pdus details pre.fields-json")).getAttribute("textContent"))
                .contains("\"destination_addr\": \"447700900123\"", "\"source_addr\": \"MyShop\"");
        browser.driver.findElement(By.id("receipt-UNDELIV")).click();
        wait.until(ExpectedConditions.textToBe(By.id("detail-state"), "UNDELIVERABLE"));
        assertThat(Esmes.awaitDeliver(esme)).anySatisfy(p -> assertThat(p).isInstanceOfSatisfying(DeliverSm.class,
                d -> assertThat(d.isDeliveryReceipt()).isTrue()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-receipts"), "UNDELIV"));
        // Final now: the page offers no second receipt.
        wait.until(d -> !d.findElement(By.id("receipt-DELIVRD")).isEnabled());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-receipts"), "ACKNOWLEDGED"));
        browser.screenshot("message.png");
        // The submit_sm opened, for the docs: its decoded fields and hex. Opened again if a live update redrew it.
        new WebDriverWait(browser.driver, T).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement first = d.findElement(By.cssSelector("#detail-pdus details"));
            if (first.getAttribute("open") == null) {
                first.findElement(By.tagName("summary")).click();
            }
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'start'})", first);
            return first.findElement(By.cssSelector("pre.hex")).isDisplayed();
        });
        browser.screenshot("pdu.png");

        String hostile = submit("x", "447700900003", HOSTILE);
        open(hostile);
        wait.until(ExpectedConditions.textToBe(By.id("detail-text"), HOSTILE));
        assertThat(browser.driver.findElements(By.cssSelector("#detail-text *, #detail img, #detail script"))).isEmpty();
        assertThat(((JavascriptExecutor) browser.driver).executeScript("return window.__pwned === undefined")).isEqualTo(true);
    }

    @Test
    @Order(3)
    void aRuleChangedInThePageChangesTheMcAnswer() {
        browser.driver.get(web.url() + "#/rules");
        wait.until(ExpectedConditions.attributeContains(By.id("rules-text"), "value", "profile"));
        WebElement text = browser.driver.findElement(By.id("rules-text"));
        String rules = "{\"profile\":\"healthy\"}";
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]", text,
                "{\n  \"profile\": \"busy-shop\",\n  \"rules\": [\n    {\"name\": \"busy\", \"stage\": \"submit\", \"system_id\": \"qa-team\","
                + " \"status\": \"ESME_RTHROTTLED\"},\n    {\"name\": \"wait\", \"stage\": \"receipt\", \"hold_receipt\": true}\n  ]\n}");
        browser.driver.findElement(By.id("rules-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-status"), "Applied"));
        // The profile list names the rules in force, not a built-in profile.
        assertThat(new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("rules-profile")))
                .getFirstSelectedOption().getText()).isEqualTo("busy-shop (own rules)");
        browser.screenshot("rules.png");
        assertThat(sim.sim.rules().list()).extracting(r -> r.name().orElse("")).containsExactly("busy", "wait");
        assertThat(esme.request(PduFactory.submitSm("a", "b", "c"), T).status().name()).isEqualTo("ESME_RTHROTTLED");
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]", text, rules);
        browser.driver.findElement(By.id("rules-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-status"), "Applied"));
        assertThat(esme.request(PduFactory.submitSm("a", "b", "c"), T).status().name()).isEqualTo("ESME_ROK");

        // The profile list applies a built-in profile, with its own rules, whatever the text area holds.
        browser.driver.navigate().refresh();
        wait.until(ExpectedConditions.attributeContains(By.id("rules-text"), "value", "profile"));
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("rules-profile"))).selectByValue("dead");
        wait.until(d -> !sim.sim.rules().list().isEmpty());
        assertThat(sim.sim.rules().list()).extracting(r -> r.name().orElse("")).containsExactly("dead-submit", "dead-enquire-link");
        wait.until(ExpectedConditions.attributeContains(By.id("rules-text"), "value", "dead-submit"));
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("rules-profile"))).selectByValue("healthy");
        wait.until(d -> sim.sim.rules().list().isEmpty());
        assertThat(esme.request(PduFactory.submitSm("a", "b", "c"), T).status().name()).isEqualTo("ESME_ROK");
    }

    @Test
    @Order(4)
    void anMoSentFromTheFormReachesTheBoundReceiver() {
        browser.driver.get(web.url() + "#/mo");
        WebElement sys = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mo-system-id")));
        sys.sendKeys("qa-team");
        browser.driver.findElement(By.id("mo-text")).sendKeys("STOP please");
        browser.driver.findElement(By.id("mo-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mo-status"), "Delivered"));
        assertThat(browser.driver.findElement(By.id("mo-status")).getText()).isEqualTo("Delivered in 1 part: ESME_ROK");
        browser.screenshot("mo.png");
        List<Pdu> got = Esmes.awaitDeliver(esme);
        assertThat(got).anySatisfy(p -> assertThat(p).isInstanceOfSatisfying(DeliverSm.class,
                d -> assertThat(TextCodec.forDataCoding(d.dataCoding()).decode(d.shortMessage())).isEqualTo("STOP please")));
    }

    @Test
    @Order(5)
    void theSessionsViewListsTheEsme() {
        browser.driver.get(web.url() + "#/sessions");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions"), "qa-team"));
        assertThat(browser.driver.findElement(By.id("sessions")).getText()).contains("trx", "127.0.0.1:");
        browser.screenshot("sessions.png");
    }

    @Test
    @Order(6)
    void aSystemIdHoldingHtmlStaysTextAndTheKickButtonUnbindsItsSession() throws Exception {
        String hostileId = "<b>x</b><i>y";
        try (SyncEsme other = Esmes.bind(sim.port(), io.smppex.pdu.field.BindMode.TRANSCEIVER, hostileId)) {
            String id = Esmes.submit(other, "447700900777", "447700900778", "from a hostile system_id");
            browser.driver.get(web.url() + "#/messages");
            WebElement tr = row(id);
            assertThat(tr.findElements(By.tagName("td")).get(4).getText()).isEqualTo(hostileId);
            assertThat(tr.findElements(By.cssSelector("b, i"))).isEmpty();

            browser.driver.get(web.url() + "#/sessions");
            By itsRow = By.xpath("//table[@id='sessions']/tbody/tr[td[2][text()='" + hostileId + "']]");
            WebElement session = wait.until(ExpectedConditions.presenceOfElementLocated(itsRow));
            assertThat(browser.driver.findElements(By.cssSelector("#sessions tbody b, #sessions tbody i"))).isEmpty();
            session.findElement(By.cssSelector("button.kick")).click();
            // The ESME hears the MC's unbind: the button asked for a graceful end, not a cut connection.
            other.session().closeFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(other.session().stopReason()).map(io.smppex.StopReason::kind).contains(io.smppex.StopReason.Kind.UNBOUND_BY_PEER);
            wait.until(d -> d.findElements(itsRow).isEmpty());
        }
        assertThat(((JavascriptExecutor) browser.driver).executeScript("return window.__pwned === undefined")).isEqualTo(true);
    }

    @Test
    @Order(7)
    void theListKeepsUpWhileMessagesKeepComingAndTheStatsChartDrawsThem() throws Exception {
        browser.driver.get(web.url() + "#/messages");
        wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
        // A steady flow, a submit every 40 ms, so the stream carries events every tick: the list must show
        // new messages while the flow goes on, not only once it stops.
        java.util.concurrent.ScheduledExecutorService flow = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        try (SyncEsme steady = Esmes.bind(sim.port(), io.smppex.pdu.field.BindMode.TRANSMITTER, "steady")) {
            flow.scheduleAtFixedRate(() -> Esmes.submit(steady, "447700900900", "447700900901", "steady " + sent.incrementAndGet()),
                    0, 40, java.util.concurrent.TimeUnit.MILLISECONDS);
            Esmes.await("the flow has started", () -> sent.get() >= 5);
            int seenAt = sent.get();
            wait.until(d -> {
                String first = d.findElement(By.cssSelector("#messages tbody tr td:nth-child(4)")).getText();
                return first.startsWith("steady ") && Integer.parseInt(first.substring(7)) > seenAt;
            });
            assertThat(flow.isShutdown()).as("the list caught up while the flow still ran").isFalse();
            // A reload brings some 25 new rows here; a flood does not flash (it kept the browser repainting).
            wait.until(d -> d.findElements(By.cssSelector("#messages tbody tr")).size() >= 20);
            assertThat(browser.driver.findElements(By.cssSelector("#messages tbody tr.fresh"))).hasSizeLessThanOrEqualTo(5);

            browser.driver.get(web.url() + "#/stats");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("counters"), "submitted"));
            // Two stats events (one a second) make the first segment of the throughput line.
            new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "const c = document.getElementById('chart'), p = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "let n = 0; for (let i = 0; i < p.length; i += 4) if (p[i] < 80 && p[i + 1] < 140 && p[i + 2] > 200) n++;"
                    + "return n;")).intValue() > 50);
            browser.screenshot("stats.png");
        } finally {
            flow.shutdownNow();
            flow.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(8)
    void aLongMessageIsOneRowWithItsPartsAndTheFiltersFindIt() {
        browser.driver.get(web.url() + "#/messages");
        String text = "Your parcel is waiting at the depot. ".repeat(8) + "Ref zq-7781.";
        List<io.smppex.pdu.SubmitSm> parts = PduFactory.submitSmParts(io.smppex.pdu.field.Address.of("Courier"),
                io.smppex.pdu.field.Address.of("447700900555"), text, 1, io.smppex.pdu.text.SplitMethod.UDH_8BIT, 42);
        assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
        String first = null;
        for (io.smppex.pdu.SubmitSm p : parts) {
            String id = ((SubmitSmResp) esme.request(p, T)).messageId();
            first = first == null ? id : first;
        }
        WebElement tr = row(first);
        assertThat(tr.findElement(By.cssSelector("td.txt .parts")).getText()).isEqualTo(parts.size() + " parts");
        assertThat(browser.driver.findElements(By.cssSelector("#messages tbody tr td.txt"))
                .stream().filter(td -> td.getText().contains("Your parcel")).count()).as("one row, not one per part").isEqualTo(1);

        // Search by a word of the last part only, and by dest: the reassembled message is what matches.
        browser.driver.findElement(By.id("f-text")).sendKeys("zq-7781");
        wait.until(d -> d.findElements(By.cssSelector("#messages tbody tr")).size() == 1);
        assertThat(browser.driver.findElement(By.cssSelector("#messages tbody tr")).getAttribute("data-id")).isEqualTo(first);
        browser.driver.findElement(By.id("f-text")).clear();
        browser.driver.findElement(By.id("f-dest")).sendKeys("447700900555");
        String firstId = first;
        wait.until(d -> d.findElements(By.cssSelector("#messages tbody tr")).size() == 1
                && firstId.equals(d.findElement(By.cssSelector("#messages tbody tr")).getAttribute("data-id")));
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("f-state"))).selectByVisibleText("DELIVERED");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("messages-empty")));

        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("f-state"))).selectByVisibleText("ENROUTE");
        open(first);
        // The heading is styled in capitals.
        wait.until(d -> d.findElement(By.id("detail-parts")).getText().equalsIgnoreCase("(" + parts.size() + " parts)"));
        wait.until(ExpectedConditions.textToBe(By.id("detail-text"), text));
        // Every part in and its answer out.
        assertThat(browser.driver.findElements(By.cssSelector("#detail-pdus details"))).hasSizeGreaterThanOrEqualTo(2 * parts.size());
        browser.driver.findElement(By.id("f-dest")).clear();
    }

    @Test
    @Order(9)
    void aPageOpenedWithTheTokenWorksAndTakesItOutOfTheAddressBar() {
        try (WebConsole guarded = WebConsole.start(sim.backend, WebOptions.builder().port(0).token("page-token-1")
                .registry(sim.registry).build())) {
            assertThat(new Http(guarded.url(), null).get("/api/v1/messages").status()).isEqualTo(401);
            browser.driver.get(guarded.url() + "?token=page-token-1#/messages");
            wait.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
            assertThat(browser.driver.getCurrentUrl()).doesNotContain("token").endsWith("#/messages");
            String id = submit("Guarded", "447700900321", "seen through the token");
            assertThat(row(id).getText()).contains("seen through the token");
        }
    }
}
